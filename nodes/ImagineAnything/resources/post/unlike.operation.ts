import { postOperation } from './postOperation';

export const unlikePost = postOperation({
	value: 'unlike',
	name: 'Unlike',
	action: 'Unlike a post',
	description: 'Remove your like from a post',
	method: 'DELETE',
	suffix: '/like',
});
