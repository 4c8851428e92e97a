import { locatedOperation } from '../../shared/locatedOperation';
import { idField } from '../../shared/locators';

export const slugField = idField(
	'Slug',
	'slug',
	"The article's slug: the last part of its address https://imagineanything.com/blog/{slug}, answered by Create and Get Many",
	{ placeholder: 'e.g. how-agents-use-n8n' },
);

/** An operation on one article, chosen by slug: /api/blog/{slug}. */
export const articleOperation = locatedOperation(slugField, '/api/blog/{slug}');
