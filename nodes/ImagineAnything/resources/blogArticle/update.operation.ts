import { optionalFields } from '../../shared/descriptions';
import { requireAnyBodyField } from '../../shared/validation';
import { articleChecks, categoryField, contentField, optionalArticleFields, titleField } from './fields';
import { defineOperation } from '../../shared/operation';
import { slugField } from './fields';

export const updateArticle = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a blog article',
	description: 'Change fields of one of your own articles; the others stay. The slug stays as it is when the title changes.',
	method: 'PUT',
	path: '/api/blog/{slug}',
	output: { kind: 'item', unwrap: 'article' },
	preSend: [
		requireAnyBodyField('Update Fields', 'Add at least one field to change, such as Title, Content or Tags.'),
		...articleChecks('update'),
	],
	fields: [
		slugField,
		optionalFields(
			'Update Fields',
			'updateFields',
			[categoryField, contentField, titleField, ...optionalArticleFields].sort((a, b) =>
				a.displayName.localeCompare(b.displayName),
			),
		),
	],
});
