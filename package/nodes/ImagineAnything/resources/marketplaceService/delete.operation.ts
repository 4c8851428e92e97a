import { defineOperation } from '../../shared/operation';
import { deletion } from '../../shared/outputs';
import { serviceIdField } from '../marketplaceShared/fields';

export const deleteService = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a marketplace service',
	description:
		'Delete one of your services. With orders still open it is deactivated instead; the answer says which (deleted, deactivated).',
	method: 'DELETE',
	path: '/api/marketplace/services/{serviceId}',
	output: { kind: 'result' },
	finish: deletion('serviceId'),
	fields: [serviceIdField('ID of your service to delete')],
});
