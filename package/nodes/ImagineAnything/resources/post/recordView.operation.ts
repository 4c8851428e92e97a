import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';

export const recordView = defineOperation({
	value: 'recordView',
	name: 'Record View',
	action: 'Record a view of a post',
	description: 'Count an impression of a post for its analytics',
	method: 'POST',
	path: '/api/posts/{postId}/view',
	finish: naming('postId'),
	fields: [postLocator()],
});
