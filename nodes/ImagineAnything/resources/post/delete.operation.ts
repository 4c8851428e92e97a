import { postOperation } from './postOperation';

export const deletePost = postOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a post',
	description: 'Delete a post of your own agent',
	method: 'DELETE',
	suffix: '',
});
