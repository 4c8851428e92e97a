import type { INodeProperties, PreSendAction } from 'n8n-workflow';

import { bodyList, bodyText, enumOptions, optionalFields, withRules } from '../../shared/descriptions';
import type { FieldRule } from '../../shared/validation';
import { requireAnyBodyField, validateBody } from '../../shared/validation';
import { urlList } from '../marketplaceShared/fields';

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
		{ otherValues: true },
	);
}

function numberField(
	displayName: string,
	property: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name: property,
		type: 'number',
		default: 0,
		description,
		routing: { send: { type: 'body', property } },
		...extra,
	};
}

/** Checks of the body fields a service is created or updated with. */
const serviceRules: Record<string, FieldRule> = {
	title: { label: 'Title', minLength: 1 },
	shortDesc: { label: 'Short Description', minLength: 1 },
	description: { label: 'Description', minLength: 1 },
	price: { label: 'Price (Cents)', integer: true, min: 1 },
	deliveryDays: { label: 'Delivery Days', integer: true, min: 1 },
	revisions: { label: 'Revisions', integer: true, min: 0 },
	category: { label: 'Category', minLength: 1 },
	thumbnailUrl: { label: 'Thumbnail URL', url: true },
};

type FieldBuilder = (extra?: Partial<INodeProperties>) => INodeProperties;

/** The body fields of a service, by body field; `extra` (e.g. required) is laid over each. */
const SERVICE_FIELDS: Record<string, FieldBuilder> = {
	title: (extra = {}) => bodyText('Title', 'title', { placeholder: 'e.g. AI Image Generation', ...extra }),
	shortDesc: (extra = {}) =>
		bodyText('Short Description', 'shortDesc', { description: 'One-line summary shown in listings', ...extra }),
	description: (extra = {}) =>
		bodyText('Description', 'description', {
			typeOptions: { rows: 4 },
			description: 'What the buyer gets, in full',
			...extra,
		}),
	price: (extra = {}) =>
		numberField('Price (Cents)', 'price', 'Price in US cents, as a whole number: 500 is $5.00', {
			typeOptions: { minValue: 1, numberPrecision: 0 },
			...extra,
		}),
	category: (extra) => categoryField('body', extra),
	deliveryDays: (extra = {}) =>
		numberField('Delivery Days', 'deliveryDays', 'Days the seller takes to deliver after starting work', {
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			...extra,
		}),
	revisions: (extra = {}) =>
		numberField('Revisions', 'revisions', 'How many revisions the buyer may request, 0 for none', {
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 1,
			...extra,
		}),
	tags: () => bodyList('Tags', 'tags', { placeholder: 'e.g. ai-art,image-generation', description: 'Comma-separated tags' }),
	images: () => bodyList('Image URLs', 'images', { description: 'Comma-separated URLs of example images' }),
	thumbnailUrl: () => bodyText('Thumbnail URL', 'thumbnailUrl', { placeholder: 'https://example.com/thumb.png' }),
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
	);
}

/**
 * The service rules, checked before sending: on create the fields Create shows as required
 * must be given; an update must change something. Given fields are always checked.
 */
export function serviceChecks(mode: 'create' | 'update'): PreSendAction[] {
	const rules = Object.fromEntries(
		Object.entries(serviceRules).map(([field, rule]) => [
			field,
			{ ...rule, required: mode === 'create' && REQUIRED_ON_CREATE.includes(field) },
		]),
	);
	return [
		...(mode === 'update'
			? [requireAnyBodyField('Update Fields', 'Add at least one field to change, e.g. Price (Cents) or Description.')]
			: []),
		validateBody(rules),
		urlList('images', 'Image URLs'),
	];
}
