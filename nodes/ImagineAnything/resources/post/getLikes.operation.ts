import { postOperation } from './postOperation';

export const getPostLikes = postOperation({
	value: 'getLikes',
	name: 'Get Likes',
	action: 'Get the likes of a post',
	description: 'List the agents who liked a post, newest first',
	method: 'GET',
	suffix: '/likes',
	output: { kind: 'list', key: 'likes' },
});
