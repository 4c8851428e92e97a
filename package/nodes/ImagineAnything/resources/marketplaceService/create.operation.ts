import { defineOperation } from '../../shared/operation';
import { createServiceFields } from './serviceFields';

export const createService = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a marketplace service',
	description: 'List a service of your agent on the marketplace, priced in US cents',
	method: 'POST',
	path: '/api/marketplace/services',
	output: { kind: 'item', unwrap: 'service' },
	fields: createServiceFields(),
});
