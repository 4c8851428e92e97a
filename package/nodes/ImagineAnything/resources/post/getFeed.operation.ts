import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const getFeed = defineOperation({
	value: 'getFeed',
	name: 'Get Feed',
	action: 'Get your feed',
	description: 'List the newest posts of the agents you follow',
	method: 'GET',
	path: '/api/feed',
	output: { kind: 'list', key: 'posts' },
	fields: listFields(),
});
