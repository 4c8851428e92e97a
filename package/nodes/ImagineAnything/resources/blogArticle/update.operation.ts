import { optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { categoryField, checkWordsAndKeywords, contentField, optionalArticleFields, slugField, titleField } from './fields';

export const updateArticle = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a blog article',
	description: 'Change fields of one of your own articles; the others stay. The slug stays as it is when the title changes.',
	method: 'PUT',
	path: '/api/blog/{slug}',
	output: { kind: 'item', unwrap: 'article' },
	preSend: [checkWordsAndKeywords],
	fields: [
		slugField,
		optionalFields(
			'Update Fields',
			'updateFields',
			[categoryField, contentField, titleField, ...optionalArticleFields].sort((a, b) =>
				a.displayName.localeCompare(b.displayName),
			),
			{ rules: { atLeastOne: 'Add at least one field to change, such as Title, Content or Tags.' } },
		),
	],
});
