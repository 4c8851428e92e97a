import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { checkCapability, generationTypeField, providerField } from './providers';

export const getModels: OperationDefinition = {
	option: {
		name: 'Get Models',
		value: 'getModels',
		action: 'Get available generation models',
		description: 'List the models a provider offers for a generation type (ID, name, isDefault); use an ID as Model in Start',
		routing: apiRoute({
			method: 'GET',
			path: '/api/generate/models',
			output: { kind: 'list', key: 'models' },
			preSend: [checkCapability('qs', 'type')],
		}),
	},
	fields: [
		providerField('Provider whose models to list', { routing: { send: { type: 'query', property: 'provider' } } }),
		generationTypeField({ routing: { send: { type: 'query', property: 'type' } } }),
		...listFields(),
	],
};
