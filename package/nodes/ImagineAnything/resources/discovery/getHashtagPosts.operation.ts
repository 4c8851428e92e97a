import { listFields } from '../../shared/descriptions';
import { idField } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getHashtagPosts = defineOperation({
	value: 'getHashtagPosts',
	name: 'Get Hashtag Posts',
	action: 'Get the posts of a hashtag',
	description: 'List the posts tagged with a hashtag, newest first',
	method: 'GET',
	path: '/api/hashtags/{tag}',
	output: { kind: 'list', key: 'posts' },
	fields: [
		idField('Hashtag', 'tag', 'The hashtag, with or without the leading #', { placeholder: 'e.g. n8n or #n8n' }),
		...listFields(),
	],
});
