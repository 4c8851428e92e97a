import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { checkCapability, generationTypeField, missingServiceError, providerFieldsByType } from './providers';

export const getModels = defineOperation({
	value: 'getModels',
	name: 'Get Models',
	action: 'Get available generation models',
	description: 'List the models a provider offers for a generation type (ID, name, isDefault); use an ID as Model in Start',
	method: 'GET',
	path: '/api/generate/models',
	explainRefusal: missingServiceError,
	output: { kind: 'list', key: 'models' },
	preSend: [checkCapability('qs', 'type')],
	fields: [
		generationTypeField({ routing: { send: { type: 'query', property: 'type' } } }),
		...providerFieldsByType('Provider whose models to list', { send: { type: 'query', property: 'provider' } }),
		...listFields(),
	],
});
