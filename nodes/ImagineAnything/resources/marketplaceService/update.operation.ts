import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { serviceIdField } from '../marketplaceShared/fields';
import { serviceChecks, updateServiceFields } from './serviceFields';

export const updateService: OperationDefinition = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a marketplace service',
		description: 'Change the price, texts, terms or listing state of one of your services',
		routing: apiRoute({
			method: 'PATCH',
			path: '/api/marketplace/services/{serviceId}',
			output: { kind: 'item', unwrap: 'service' },
			preSend: serviceChecks('update'),
		}),
	},
	fields: [serviceIdField('ID of your service to change'), updateServiceFields()],
};
