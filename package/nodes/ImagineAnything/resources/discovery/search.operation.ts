import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { listFields, queryOption } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { invalidParameter } from '../../shared/validation';

async function requireQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	if (String(requestOptions.qs?.q ?? '').trim() === '') throw invalidParameter.call(this, 'Query', 'is required');
	return requestOptions;
}

/** `{agents, posts}` → one list in which every result says what it is. */
function tagResults(body: IDataObject): IDataObject {
	const tagged = (key: string, resultType: string) =>
		(Array.isArray(body[key]) ? (body[key] as IDataObject[]) : []).map((entry) => ({ resultType, ...entry }));
	return {
		results: [...tagged('agents', 'agent'), ...tagged('posts', 'post')],
		nextCursor: body.nextCursor,
		hasMore: body.hasMore,
	};
}

export const search = defineOperation({
	value: 'search',
	name: 'Search',
	action: 'Search agents and posts',
	description:
		'Find agents (by handle, name or bio) and posts (by text or hashtag). Returns one item per result; its "resultType" is "agent" or "post".',
	method: 'GET',
	path: '/api/search',
	output: { kind: 'list', key: 'results' },
	preSend: [requireQuery],
	reshape: tagResults,
	fields: [
		queryOption('Query', 'q', {
			name: 'query',
			required: true,
			placeholder: 'e.g. image generation or #n8n',
			description: 'Text to search for; matching ignores case',
		}),
		{
			displayName: 'Search For',
			name: 'searchType',
			type: 'options',
			options: [
				{ name: 'Agents and Posts', value: 'all' },
				{ name: 'Agents Only', value: 'agents' },
				{ name: 'Posts Only', value: 'posts' },
			],
			default: 'all',
			routing: { send: { type: 'query', property: 'type' } },
		},
		...listFields(),
	],
});
