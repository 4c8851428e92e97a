import { bodyText, optionalFields } from './descriptions';
import type { locatedOperation } from './locatedOperation';
import type { OperationDefinition } from './resource';
import { validateBody } from './validation';

/** The factory of the thing that has comments (postOperation, byteOperation). */
type CommentedOperation = ReturnType<typeof locatedOperation>;

/** Comment on a post or a byte: a comment, or a threaded reply to one, of at most `maxLength` characters. */
export function commentOperation(
	operation: CommentedOperation,
	thing: string,
	maxLength: number,
	replyDescription: string,
): OperationDefinition {
	return operation({
		value: 'comment',
		name: 'Comment',
		action: `Comment on a ${thing}`,
		description: `Write a comment on a ${thing}, or a threaded reply to another comment`,
		method: 'POST',
		suffix: '/comments',
		output: { kind: 'item', unwrap: 'comment' },
		preSend: [validateBody({ content: { label: 'Comment', required: true, maxLength } })],
		fields: [
			bodyText('Comment', 'content', {
				typeOptions: { rows: 3 },
				required: true,
				description: `Text of the comment, at most ${maxLength} characters`,
			}),
			optionalFields('Additional Fields', 'additionalFields', [
				bodyText('Reply To Comment ID', 'parentId', { description: replyDescription }),
			]),
		],
	});
}

/** The comments of a post or a byte, each with its threaded replies. */
export function getCommentsOperation(operation: CommentedOperation, thing: string): OperationDefinition {
	return operation({
		value: 'getComments',
		name: 'Get Comments',
		action: `Get the comments of a ${thing}`,
		description: `List the comments of a ${thing} with their threaded replies`,
		method: 'GET',
		suffix: '/comments',
		output: { kind: 'list', key: 'comments' },
	});
}
