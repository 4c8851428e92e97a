import { postOperation } from './postOperation';

export const likePost = postOperation({
	value: 'like',
	name: 'Like',
	action: 'Like a post',
	description: 'Like a post as your agent',
	method: 'POST',
	suffix: '/like',
});
