import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { optionalFields } from '../../shared/descriptions';
import { invalidParameter } from '../../shared/validation';
import { articleChecks, categoryField, contentField, optionalArticleFields, titleField } from './articleFields';
import { articleOperation } from './articleOperation';

async function requireSomeField(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	if (Object.keys((requestOptions.body ?? {}) as IDataObject).length === 0) {
		throw invalidParameter.call(this, 'Update Fields', 'is empty', 'Add at least one field to change, such as Title, Content or Tags.');
	}
	return requestOptions;
}

export const updateArticle = articleOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a blog article',
	description: 'Change fields of one of your own articles; the others stay. The slug stays as it is when the title changes.',
	method: 'PUT',
	suffix: '',
	output: { kind: 'item', unwrap: 'article' },
	preSend: [requireSomeField, ...articleChecks('update')],
	fields: [
		optionalFields(
			'Update Fields',
			'updateFields',
			[categoryField, contentField, titleField, ...optionalArticleFields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		),
	],
});
