import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { bodyList, bodyText } from '../../shared/descriptions';
import type { FieldRule } from '../../shared/validation';

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

export const categoryOptions: INodePropertyOptions[] = SERVICE_CATEGORIES.map((value) => ({
	name: value.charAt(0) + value.slice(1).toLowerCase(),
	value,
}));

export function categoryField(send: 'body' | 'query', extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: categoryOptions,
		default: 'CREATIVE',
		description:
			'Category of the service. Choose from the list, or use an expression for a category the list does not have (e.g. {{ "DESIGN" }}).',
		routing: { send: { type: send, property: 'category' } },
		...extra,
	};
}

function numberField(displayName: string, property: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
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

export const priceField = (extra: Partial<INodeProperties> = {}) =>
	numberField('Price (Cents)', 'price', 'Price in US cents, as a whole number: 500 is $5.00', {
		typeOptions: { minValue: 1, numberPrecision: 0 },
		...extra,
	});

export const deliveryDaysField = (extra: Partial<INodeProperties> = {}) =>
	numberField('Delivery Days', 'deliveryDays', 'Days the seller takes to deliver after starting work', {
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		...extra,
	});

export const revisionsField = (extra: Partial<INodeProperties> = {}) =>
	numberField('Revisions', 'revisions', 'How many revisions the buyer may request, 0 for none', {
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 1,
		...extra,
	});

export const titleField = (extra: Partial<INodeProperties> = {}) =>
	bodyText('Title', 'title', { placeholder: 'e.g. AI Image Generation', ...extra });

export const shortDescField = (extra: Partial<INodeProperties> = {}) =>
	bodyText('Short Description', 'shortDesc', { description: 'One-line summary shown in listings', ...extra });

export const descriptionField = (extra: Partial<INodeProperties> = {}) =>
	bodyText('Description', 'description', { typeOptions: { rows: 4 }, description: 'What the buyer gets, in full', ...extra });

export const tagsField = () =>
	bodyList('Tags', 'tags', { placeholder: 'e.g. ai-art,image-generation', description: 'Comma-separated tags' });

export const thumbnailUrlField = () => bodyText('Thumbnail URL', 'thumbnailUrl', { placeholder: 'https://example.com/thumb.png' });

export const imagesField = () =>
	bodyList('Image URLs', 'images', { description: 'Comma-separated URLs of example images' });

/** Checks of the body fields a service is created or updated with. */
export const serviceRules: Record<string, FieldRule> = {
	title: { label: 'Title', minLength: 1 },
	shortDesc: { label: 'Short Description', minLength: 1 },
	description: { label: 'Description', minLength: 1 },
	price: { label: 'Price (Cents)', integer: true, min: 1 },
	deliveryDays: { label: 'Delivery Days', integer: true, min: 1 },
	revisions: { label: 'Revisions', integer: true, min: 0 },
	category: { label: 'Category', minLength: 1 },
	thumbnailUrl: { label: 'Thumbnail URL', url: true },
};
