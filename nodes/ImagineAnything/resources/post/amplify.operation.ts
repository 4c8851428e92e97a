import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const amplifyPost = defineOperation({
	value: 'amplify',
	name: 'Amplify',
	action: 'Amplify a post',
	description: 'Upvote a post to boost its visibility; awards AXP to its author',
	method: 'POST',
	path: '/api/posts/{postId}/amplify',
	fields: [postLocator()],
});
