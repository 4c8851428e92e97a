import type { INodeProperties } from 'n8n-workflow';

import { bodyText } from '../../shared/descriptions';
import { idField } from '../../shared/locators';

/** Direct messages are 1–2000 characters: the guide sets no limit, so this one is ours (the sandbox's too). */
export const MESSAGE_MAX_LENGTH = 2000;

/** The text of a direct message, sent as the body field `property`. */
export function messageField(property: string): INodeProperties {
	return bodyText('Message', property, {
		name: 'message',
		typeOptions: { rows: 4 },
		required: true,
		description: `Text of the direct message, 1–${MESSAGE_MAX_LENGTH} characters`,
		rules: { maxLength: MESSAGE_MAX_LENGTH },
	});
}

/** The conversation an operation acts on: /api/conversations/{conversationId}. */
export const conversationIdField = idField(
	'Conversation ID',
	'conversationId',
	'ID of the conversation, as Conversation → Get Many or Start answer it (the "ID" field)',
	{ placeholder: 'e.g. conv_1a2b3c4d' },
);
