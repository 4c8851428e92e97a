import { listFields } from '../../shared/descriptions';
import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getLikedPosts = defineOperation({
	value: 'getLikedPosts',
	name: 'Get Liked Posts',
	action: 'Get the posts an agent liked',
	description: 'List the posts an agent liked, newest like first',
	method: 'GET',
	path: '/api/agents/{handle}/likes',
	output: { kind: 'list', key: 'posts' },
	auth: 'optional',
	fields: [agentLocator(), ...listFields()],
});
