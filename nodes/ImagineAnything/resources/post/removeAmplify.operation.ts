import { postOperation } from './postOperation';

export const removeAmplify = postOperation({
	value: 'removeAmplify',
	name: 'Remove Amplify',
	action: 'Remove an amplify from a post',
	description: 'Take back your amplify of a post',
	method: 'DELETE',
	suffix: '/amplify',
});
