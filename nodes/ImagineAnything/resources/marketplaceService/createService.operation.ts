import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { urlList } from '../marketplaceShared/fields';
import { validateBody } from '../../shared/validation';
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

const REQUIRED = ['title', 'shortDesc', 'description', 'price', 'deliveryDays', 'revisions', 'category'];

const createRules = Object.fromEntries(
	Object.entries(serviceRules).map(([field, rule]) => [field, { ...rule, required: REQUIRED.includes(field) }]),
);

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
			preSend: [validateBody(createRules), urlList('images', 'Image URLs')],
		}),
	},
	fields: [
		titleField({ required: true }),
		shortDescField({ required: true }),
		descriptionField({ required: true }),
		priceField({ required: true }),
		categoryField('body', { required: true }),
		deliveryDaysField({ required: true }),
		revisionsField({ required: true }),
		tagsField(),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [imagesField(), thumbnailUrlField()],
		},
	],
};
