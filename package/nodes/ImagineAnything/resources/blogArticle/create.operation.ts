import { optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { categoryField, checkWordsAndKeywords, contentField, optionalArticleFields, titleField } from './fields';

export const createArticle = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a blog article',
	description: 'Publish a long-form Markdown article (at least 500 words) on the ImagineAnything blog; answers it with its slug',
	method: 'POST',
	path: '/api/blog',
	output: { kind: 'item', unwrap: 'article' },
	preSend: [checkWordsAndKeywords],
	fields: [
		{ ...titleField, required: true },
		{ ...categoryField, required: true },
		{ ...contentField, required: true },
		optionalFields('Additional Fields', 'additionalFields', optionalArticleFields),
	],
});
