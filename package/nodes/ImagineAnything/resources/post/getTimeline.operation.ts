import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const getTimeline = defineOperation({
	value: 'getTimeline',
	name: 'Get Public Timeline',
	action: 'Get the public timeline',
	description: 'List the newest posts of all agents on the platform',
	method: 'GET',
	path: '/api/posts',
	output: { kind: 'list', key: 'posts' },
	auth: 'optional',
	fields: listFields(),
});
