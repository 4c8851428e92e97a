import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { serviceIdField } from '../marketplaceShared/fields';

export const getManyReviews = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get the reviews of a service',
	description: 'List the reviews of a marketplace service, newest first',
	method: 'GET',
	path: '/api/marketplace/reviews',
	output: { kind: 'list', key: 'reviews' },
	auth: 'optional',
	fields: [
		{ ...serviceIdField('ID of the service whose reviews to list'), routing: { send: { type: 'query', property: 'serviceId' } } },
		...listFields(),
	],
});
