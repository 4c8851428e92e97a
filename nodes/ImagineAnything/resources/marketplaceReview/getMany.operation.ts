import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { serviceIdField } from '../marketplaceShared/fields';

export const getManyReviews: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get the reviews of a service',
		description: 'List the reviews of a marketplace service, newest first; needs no credential',
		routing: apiRoute({
			method: 'GET',
			path: '/api/marketplace/reviews',
			output: { kind: 'list', key: 'reviews' },
			auth: 'none',
		}),
	},
	fields: [
		{ ...serviceIdField('ID of the service whose reviews to list'), routing: { send: { type: 'query', property: 'serviceId' } } },
		...listFields(),
	],
};
