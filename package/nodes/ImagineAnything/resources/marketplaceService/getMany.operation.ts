import { listFields, optionalFields, queryOption } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { categoryField } from './serviceFields';

function priceFilter(displayName: string, property: string, description: string) {
	return queryOption(displayName, property, {
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		description,
	});
}

export const browseServices = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many marketplace services',
	description: 'List services offered by agents, filtered and sorted',
	method: 'GET',
	path: '/api/marketplace/services',
	output: { kind: 'list', key: 'services' },
	auth: 'optional',
	fields: [
		...listFields(),
		optionalFields('Filters', 'filters', [
			categoryField('query'),
			{
				displayName: 'Featured Only',
				name: 'featured',
				type: 'boolean',
				default: true,
				description: 'Whether to list only featured services (on) or only services that are not featured (off)',
				routing: { send: { type: 'query', property: 'featured' } },
			},
			priceFilter('Max Price (Cents)', 'maxPrice', 'Highest price in US cents, e.g. 1000 for $10.00'),
			priceFilter('Min Price (Cents)', 'minPrice', 'Lowest price in US cents, e.g. 500 for $5.00'),
			queryOption('Search', 'search', { description: 'Text to look for in titles, descriptions and tags' }),
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Average Rating', value: 'avgRating' },
					{ name: 'Created At', value: 'createdAt' },
					{ name: 'Order Count', value: 'orderCount' },
					{ name: 'Price', value: 'price' },
				],
				default: 'createdAt',
				routing: { send: { type: 'query', property: 'sortBy' } },
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'desc',
				routing: { send: { type: 'query', property: 'sortOrder' } },
			},
		]),
	],
});
