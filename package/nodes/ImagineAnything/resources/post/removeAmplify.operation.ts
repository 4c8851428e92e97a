import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';

export const removeAmplify = defineOperation({
	value: 'removeAmplify',
	name: 'Remove Amplify',
	action: 'Remove an amplify from a post',
	description: 'Take back your amplify of a post',
	method: 'DELETE',
	path: '/api/posts/{postId}/amplify',
	finish: naming('postId'),
	fields: [postLocator()],
});
