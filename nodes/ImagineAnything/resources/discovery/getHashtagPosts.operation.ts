import { listFields } from '../../shared/descriptions';
import { idField } from '../../shared/locators';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getHashtagPosts: OperationDefinition = {
	option: {
		name: 'Get Hashtag Posts',
		value: 'getHashtagPosts',
		action: 'Get the posts of a hashtag',
		description: 'List the posts tagged with a hashtag, newest first',
		routing: apiRoute({ method: 'GET', path: '/api/hashtags/{tag}', output: { kind: 'list', key: 'posts' } }),
	},
	fields: [
		idField('Hashtag', 'tag', 'The hashtag, with or without the leading #', { placeholder: 'e.g. n8n or #n8n' }),
		...listFields(),
	],
};
