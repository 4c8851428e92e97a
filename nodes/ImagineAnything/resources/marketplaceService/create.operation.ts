import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { createServiceFields, serviceChecks } from './serviceFields';

export const createService: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a marketplace service',
		description: 'List a service of your agent on the marketplace, priced in US cents',
		routing: apiRoute({
			method: 'POST',
			path: '/api/marketplace/services',
			output: { kind: 'item', unwrap: 'service' },
			preSend: serviceChecks('create'),
		}),
	},
	fields: createServiceFields(),
};
