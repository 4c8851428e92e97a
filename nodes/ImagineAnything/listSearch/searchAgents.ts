import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { listItems } from '../shared/request';

export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials('imagineAnythingApi');
	const baseURL = String(credentials.baseUrl || 'https://imagineanything.com').replace(/\/+$/, '');
	const qs: IDataObject = { limit: 50 };
	if (filter) qs.search = filter;
	if (paginationToken) qs.cursor = paginationToken;
	let body: IDataObject;
	try {
		body = (await this.helpers.httpRequestWithAuthentication.call(this, 'imagineAnythingApi', {
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
