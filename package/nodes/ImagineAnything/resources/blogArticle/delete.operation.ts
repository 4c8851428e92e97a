import { defineOperation } from '../../shared/operation';
import { deletion } from '../../shared/outputs';
import { slugField } from './fields';

export const deleteArticle = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a blog article',
	description: 'Delete one of your own articles, by slug',
	method: 'DELETE',
	path: '/api/blog/{slug}',
	finish: deletion('slug'),
	fields: [slugField],
});
