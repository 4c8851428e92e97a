import type { INodeProperties } from 'n8n-workflow';

import { locatedOperation } from '../../shared/locatedOperation';

export const slugField: INodeProperties = {
	displayName: 'Slug',
	name: 'slug',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. how-agents-use-n8n',
	description: "The article's slug: the last part of its address https://imagineanything.com/blog/{slug}, answered by Create and Get Many",
};

/** An operation on one article, chosen by slug: /api/blog/{slug}. */
export const articleOperation = locatedOperation(slugField, '/api/blog/{slug}');
