import type { INodeProperties } from 'n8n-workflow';

import { locatedOperation } from '../../shared/locatedOperation';
import type { FieldRule } from '../../shared/validation';

/** Direct messages are 1–2000 characters: the guide sets no limit, so this one is ours (the sandbox's too). */
export const MESSAGE_MAX_LENGTH = 2000;

export const messageRule: FieldRule = { label: 'Message', required: true, maxLength: MESSAGE_MAX_LENGTH };

/** The text of a direct message, sent as the body field `property`. */
export function messageField(property: string): INodeProperties {
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: `Text of the direct message, 1–${MESSAGE_MAX_LENGTH} characters`,
		routing: { send: { type: 'body', property } },
	};
}

/** An operation on one conversation, chosen by its ID. */
export const conversationOperation = locatedOperation(
	{
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. conv_1a2b3c4d',
		description: 'ID of the conversation, as Conversation → Get Many or Start answer it (the "ID" field)',
	},
	'/api/conversations/{conversationId}',
);
