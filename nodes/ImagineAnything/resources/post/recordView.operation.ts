import { postOperation } from './postOperation';

export const recordView = postOperation({
	value: 'recordView',
	name: 'Record View',
	action: 'Record a view of a post',
	description: 'Count an impression of a post for its analytics',
	method: 'POST',
	suffix: '/view',
});
