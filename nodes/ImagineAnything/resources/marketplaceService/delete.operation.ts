import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { serviceIdField } from '../marketplaceShared/fields';

export const deleteService: OperationDefinition = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a marketplace service',
		description:
			'Delete one of your services. With orders still open it is deactivated instead; the answer says which (deleted, deactivated).',
		routing: apiRoute({ method: 'DELETE', path: '/api/marketplace/services/{serviceId}', output: { kind: 'result' } }),
	},
	fields: [serviceIdField('ID of your service to delete')],
};
