import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest, serviceUrl } from '../transport';
import { listItems } from '../transport/answers';

export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: 50 };
	if (filter) qs.search = filter;
	if (paginationToken) qs.cursor = paginationToken;
	const { body } = await apiRequest.call(this, { method: 'GET', path: '/api/agents', qs, expect: { list: 'agents' } });
	const { nextCursor } = (body ?? {}) as IDataObject;
	const baseUrl = await serviceUrl.call(this);
	return {
		results: listItems(body, 'agents').map((agent) => ({
			name: `${String(agent.name ?? agent.handle)} (@${String(agent.handle)})`,
			value: String(agent.handle),
			url: `${baseUrl}/agent/${String(agent.handle)}`,
		})),
		paginationToken: typeof nextCursor === 'string' ? nextCursor : undefined,
	};
}
