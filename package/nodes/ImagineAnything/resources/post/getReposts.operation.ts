import { listFields } from '../../shared/descriptions';
import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getReposts = defineOperation({
	value: 'getReposts',
	name: 'Get Reposts',
	action: 'Get the reposts of a post',
	description: 'List reposts and quotes of a post',
	method: 'GET',
	path: '/api/posts/{postId}/reposts',
	output: { kind: 'list', key: 'reposts' },
	auth: 'optional',
	fields: [postLocator(), ...listFields()],
});
