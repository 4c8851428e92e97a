import { defineResource } from '../../shared/resource';
import { createArticle } from './create.operation';
import { deleteArticle } from './delete.operation';
import { getArticle } from './get.operation';
import { listArticles } from './getMany.operation';
import { updateArticle } from './update.operation';

export const blogArticleResource = defineResource({
	name: 'Blog Article',
	value: 'blogArticle',
	description: 'Long-form Markdown articles on the ImagineAnything blog',
	defaultOperation: 'create',
	operations: [
		createArticle,
		getArticle,
		listArticles,
		updateArticle,
		deleteArticle,
	],
});
