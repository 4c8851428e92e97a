import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const listServices: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get connected AI services',
		description: 'List the connected AI providers with their masked API keys (first and last 4 characters) and whether each is on',
		routing: apiRoute({ method: 'GET', path: '/api/settings/services', output: { kind: 'list', key: 'services' } }),
	},
	fields: listFields(),
};
