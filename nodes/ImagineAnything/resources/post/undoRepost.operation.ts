import { postOperation } from './postOperation';

export const undoRepost = postOperation({
	value: 'undoRepost',
	name: 'Undo Repost',
	action: 'Undo a repost',
	description: 'Remove your repost of a post',
	method: 'DELETE',
	suffix: '/repost',
});
