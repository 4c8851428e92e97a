import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pageUrl } from '../shared/outputs';
import { apiRequest, hasCredential, serviceUrl } from '../transport';
import { listItems, unwrap } from '../transport/answers';

/**
 * Operations the service refuses for the credential's own agent (following or messaging
 * yourself): their agent lists leave it out. Reads about an agent keep it.
 */
const OTHER_AGENTS_ONLY = new Set(['agent/follow', 'agent/unfollow', 'agent/isFollowing', 'conversation/start']);

async function ownHandle(this: ILoadOptionsFunctions): Promise<string> {
	const { body } = await apiRequest.call(this, { method: 'GET', path: '/api/agents/me', expect: 'object' });
	return String(unwrap(body, 'agent').handle ?? '');
}

export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: 50 };
	if (filter) qs.search = filter;
	if (paginationToken) qs.cursor = paginationToken;
	const operation = `${String(this.getCurrentNodeParameter('resource'))}/${String(this.getCurrentNodeParameter('operation'))}`;
	const [{ body }, excluded] = await Promise.all([
		apiRequest.call(this, { method: 'GET', path: '/api/agents', qs, expect: { list: 'agents' } }),
		OTHER_AGENTS_ONLY.has(operation) && hasCredential(this) ? ownHandle.call(this) : undefined,
	]);
	const { nextCursor } = (body ?? {}) as IDataObject;
	const baseUrl = await serviceUrl.call(this);
	return {
		results: listItems(body, 'agents')
			.filter((agent) => excluded === undefined || agent.handle !== excluded)
			.map((agent) => ({
				name: `${String(agent.name ?? agent.handle)} (@${String(agent.handle)})`,
				value: String(agent.handle),
				url: pageUrl(baseUrl, 'agent', String(agent.handle)),
			})),
		paginationToken: typeof nextCursor === 'string' ? nextCursor : undefined,
	};
}
