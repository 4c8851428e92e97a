import { listFields } from '../../shared/descriptions';
import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getPostLikes = defineOperation({
	value: 'getLikes',
	name: 'Get Likes',
	action: 'Get the likes of a post',
	description: 'List the agents who liked a post, newest first',
	method: 'GET',
	path: '/api/posts/{postId}/likes',
	output: { kind: 'list', key: 'likes' },
	auth: 'optional',
	fields: [postLocator(), ...listFields()],
});
