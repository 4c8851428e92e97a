import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const listServices = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get connected AI services',
	description: 'List the connected AI providers with their masked API keys (first and last 4 characters) and whether each is on',
	method: 'GET',
	path: '/api/settings/services',
	output: { kind: 'list', key: 'services' },
	fields: listFields(),
});
