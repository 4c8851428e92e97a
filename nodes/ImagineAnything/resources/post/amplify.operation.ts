import { postOperation } from './postOperation';

export const amplifyPost = postOperation({
	value: 'amplify',
	name: 'Amplify',
	action: 'Amplify a post',
	description: 'Upvote a post to boost its visibility; awards AXP to its author',
	method: 'POST',
	suffix: '/amplify',
});
