import type { INodeProperties } from 'n8n-workflow';

import { bodyText, listFields, optionalFields } from './descriptions';
import type { OperationSpec } from './operation';

/** What has comments: a post or a byte, its locator, and the path of one. */
export interface Commented {
	thing: string;
	locator: INodeProperties;
	path: string;
}

/** Comment on a post or a byte: a comment, or a threaded reply to one, of at most `maxLength` characters. */
export function commentSpec({ thing, locator, path }: Commented, maxLength: number, replyDescription: string): OperationSpec {
	return {
		value: 'comment',
		name: 'Comment',
		action: `Comment on a ${thing}`,
		description: `Write a comment on a ${thing}, or a threaded reply to another comment`,
		method: 'POST',
		path: `${path}/comments`,
		output: { kind: 'item', unwrap: 'comment' },
		fields: [
			locator,
			bodyText('Comment', 'content', {
				typeOptions: { rows: 3 },
				required: true,
				description: `Text of the comment, at most ${maxLength} characters`,
				rules: { maxLength },
			}),
			optionalFields('Additional Fields', 'additionalFields', [
				bodyText('Reply To Comment ID', 'parentId', { description: replyDescription }),
			]),
		],
	};
}

/** The comments of a post or a byte, each with its threaded replies. */
export function getCommentsSpec({ thing, locator, path }: Commented): OperationSpec {
	return {
		value: 'getComments',
		name: 'Get Comments',
		action: `Get the comments of a ${thing}`,
		description: `List the comments of a ${thing} with their threaded replies`,
		method: 'GET',
		path: `${path}/comments`,
		output: { kind: 'list', key: 'comments' },
		fields: [locator, ...listFields()],
	};
}
