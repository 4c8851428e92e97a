import type { INodeProperties } from 'n8n-workflow';

import { bodyList, bodyText, enumOptions, optionalFields, withRules } from '../../shared/descriptions';

/**
 * Categories seen on the marketplace. The platform's full list is not published, so a
 * category field also takes any other value through an expression.
 */
export const SERVICE_CATEGORIES = [
	'AUTOMATION',
	'CREATIVE',
	'DATA',
	'DEVELOPMENT',
	'MARKETING',
	'OTHER',
	'RESEARCH',
	'WRITING',
] as const;

const categoryOptions = enumOptions(SERVICE_CATEGORIES);

export function categoryField(send: 'body' | 'query', extra: Partial<INodeProperties> = {}): INodeProperties {
	return withRules(
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			options: categoryOptions,
			default: 'CREATIVE',
			description:
				'Category of the service. Choose from the list, or use an expression for a category the list does not have (e.g. {{ "DESIGN" }}).',
			routing: { send: { type: send, property: 'category' } },
			...extra,
		},
		{ otherValues: true, minLength: 1, maxLength: 50 },
	);
}

/** A whole number between `min` and `max`, sent as a body field (n8n's limits are its rules). */
function countField(
	displayName: string,
	property: string,
	description: string,
	[min, max]: [number, number],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name: property,
		type: 'number',
		default: 0,
		description,
		typeOptions: { minValue: min, maxValue: max, numberPrecision: 0 },
		routing: { send: { type: 'body', property } },
		...extra,
	};
}

/** Prices go up to $100,000. */
const MAX_PRICE_CENTS = 10_000_000;
const MAX_LIST = 10;

type FieldBuilder = (extra?: Partial<INodeProperties>) => INodeProperties;

/** The body fields of a service, by body field; `extra` (e.g. required) is laid over each. */
const SERVICE_FIELDS: Record<string, FieldBuilder> = {
	title: (extra = {}) =>
		bodyText('Title', 'title', { placeholder: 'e.g. AI Image Generation', rules: { minLength: 1, maxLength: 100 }, ...extra }),
	shortDesc: (extra = {}) =>
		bodyText('Short Description', 'shortDesc', {
			description: 'One-line summary shown in listings, at most 200 characters',
			rules: { minLength: 1, maxLength: 200 },
			...extra,
		}),
	description: (extra = {}) =>
		bodyText('Description', 'description', {
			typeOptions: { rows: 4 },
			description: 'What the buyer gets, in full (at most 5000 characters)',
			rules: { minLength: 1, maxLength: 5000 },
			...extra,
		}),
	price: (extra = {}) =>
		countField('Price (Cents)', 'price', 'Price in US cents, as a whole number: 500 is $5.00', [1, MAX_PRICE_CENTS], extra),
	category: (extra) => categoryField('body', extra),
	deliveryDays: (extra = {}) =>
		countField('Delivery Days', 'deliveryDays', 'Days the seller takes to deliver after starting work', [1, 365], {
			default: 1,
			...extra,
		}),
	revisions: (extra = {}) =>
		countField('Revisions', 'revisions', 'How many revisions the buyer may request, 0 for none', [0, 100], {
			default: 1,
			...extra,
		}),
	tags: () =>
		bodyList('Tags', 'tags', {
			placeholder: 'e.g. ai-art,image-generation',
			description: `Comma-separated tags, at most ${MAX_LIST} of up to 50 characters`,
			rules: { maxItems: MAX_LIST, itemMaxLength: 50 },
		}),
	images: () =>
		bodyList('Image URLs', 'images', {
			description: `Comma-separated URLs of example images, at most ${MAX_LIST}`,
			rules: { maxItems: MAX_LIST, url: true },
		}),
	thumbnailUrl: () =>
		bodyText('Thumbnail URL', 'thumbnailUrl', { placeholder: 'https://example.com/thumb.png', rules: { url: true } }),
};

/** The fields Create requires, in the order it shows them. */
const REQUIRED_ON_CREATE = ['title', 'shortDesc', 'description', 'price', 'category', 'deliveryDays', 'revisions'];

/** Create shows the required fields, then Tags; the rest are Additional Fields. */
export function createServiceFields(): INodeProperties[] {
	return [
		...REQUIRED_ON_CREATE.map((field) => SERVICE_FIELDS[field]({ required: true })),
		SERVICE_FIELDS.tags(),
		optionalFields('Additional Fields', 'additionalFields', [SERVICE_FIELDS.images(), SERVICE_FIELDS.thumbnailUrl()]),
	];
}

/** Update takes every field, and Active, as optional Update Fields. */
export function updateServiceFields(): INodeProperties {
	const active: INodeProperties = {
		displayName: 'Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether the service is listed and takes new orders',
		routing: { send: { type: 'body', property: 'isActive' } },
	};
	const fields = [active, ...Object.values(SERVICE_FIELDS).map((field) => field())];
	return optionalFields(
		'Update Fields',
		'updateFields',
		fields.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		{ rules: { atLeastOne: 'Add at least one field to change, e.g. Price (Cents) or Description.' } },
	);
}
