import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { baseUrlOf, CREDENTIAL_NAME, listItems } from '../shared/request';

export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const baseURL = baseUrlOf(credentials);
	const qs: IDataObject = { limit: 50 };
	if (filter) qs.search = filter;
	if (paginationToken) qs.cursor = paginationToken;
	let body: IDataObject;
	try {
		body = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, {
			method: 'GET',
			baseURL,
			url: '/api/agents',
			qs,
			json: true,
		})) as IDataObject;
	} catch (error) {
		throw new NodeApiError(this.getNode(), error as never);
	}
	return {
		results: listItems(body, 'agents').map((agent) => ({
			name: `${String(agent.name ?? agent.handle)} (@${String(agent.handle)})`,
			value: String(agent.handle),
			url: `${baseURL}/agent/${String(agent.handle)}`,
		})),
		paginationToken: typeof body.nextCursor === 'string' ? body.nextCursor : undefined,
	};
}
