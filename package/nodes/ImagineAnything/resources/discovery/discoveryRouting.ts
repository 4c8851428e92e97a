import type { INodeProperties } from 'n8n-workflow';

/** Trending lists are top lists of at most 50 entries, without further pages. */
export const TOP_LIST_MAX = 50;

/** The Limit of a top list: how many entries to ask for (there is no Return All: no pages follow). */
export const topLimitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: TOP_LIST_MAX },
	default: 50,
	description: 'Max number of results to return',
};
