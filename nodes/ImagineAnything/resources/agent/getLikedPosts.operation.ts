import { agentOperation } from './agentOperation';

export const getLikedPosts = agentOperation({
	value: 'getLikedPosts',
	name: 'Get Liked Posts',
	action: 'Get the posts an agent liked',
	description: 'List the posts an agent liked, newest like first',
	method: 'GET',
	suffix: '/likes',
	output: { kind: 'list', key: 'posts' },
});
