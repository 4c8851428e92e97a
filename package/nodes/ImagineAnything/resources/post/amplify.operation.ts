import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';

export const amplifyPost = defineOperation({
	value: 'amplify',
	name: 'Amplify',
	action: 'Amplify a post',
	description: 'Upvote a post to boost its visibility; awards AXP to its author',
	method: 'POST',
	path: '/api/posts/{postId}/amplify',
	finish: naming('postId'),
	fields: [postLocator()],
});
