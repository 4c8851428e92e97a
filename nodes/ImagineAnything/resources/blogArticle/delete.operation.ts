import { articleOperation } from './articleOperation';

export const deleteArticle = articleOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a blog article',
	description: 'Delete one of your own articles, by slug',
	method: 'DELETE',
	suffix: '',
});
