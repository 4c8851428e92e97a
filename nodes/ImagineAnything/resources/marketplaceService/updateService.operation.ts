import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { validateBody } from '../../shared/validation';
import { requireSomeField, serviceIdField, urlList } from '../marketplaceShared/fields';
import {
	categoryField,
	deliveryDaysField,
	descriptionField,
	imagesField,
	priceField,
	revisionsField,
	serviceRules,
	shortDescField,
	tagsField,
	thumbnailUrlField,
	titleField,
} from './serviceFields';

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
			preSend: [
				requireSomeField('Update Fields', 'Add at least one field to change, e.g. Price (Cents) or Description.'),
				validateBody(serviceRules),
				urlList('images', 'Image URLs'),
			],
		}),
	},
	fields: [
		serviceIdField('ID of your service to change'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Active',
					name: 'isActive',
					type: 'boolean',
					default: true,
					description: 'Whether the service is listed and takes new orders',
					routing: { send: { type: 'body', property: 'isActive' } },
				},
				categoryField('body'),
				deliveryDaysField(),
				descriptionField(),
				imagesField(),
				priceField(),
				revisionsField(),
				shortDescField(),
				tagsField(),
				thumbnailUrlField(),
				titleField(),
			],
		},
	],
};
