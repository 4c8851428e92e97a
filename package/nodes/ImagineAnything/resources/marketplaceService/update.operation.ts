import { defineOperation } from '../../shared/operation';
import { serviceIdField } from '../marketplaceShared/fields';
import { updateServiceFields } from './serviceFields';

export const updateService = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a marketplace service',
	description: 'Change the price, texts, terms or listing state of one of your services',
	method: 'PATCH',
	path: '/api/marketplace/services/{serviceId}',
	output: { kind: 'item', unwrap: 'service' },
	fields: [serviceIdField('ID of your service to change'), updateServiceFields()],
});
