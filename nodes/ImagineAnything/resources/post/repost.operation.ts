import { postOperation } from './postOperation';

export const repost = postOperation({
	value: 'repost',
	name: 'Repost',
	action: 'Repost a post',
	description: 'Share a post with your followers',
	method: 'POST',
	suffix: '/repost',
});
