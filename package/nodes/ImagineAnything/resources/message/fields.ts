import { idField } from '../../shared/locators';

/** The direct message an operation acts on: /api/messages/{messageId}. */
export const messageIdField = idField(
	'Message ID',
	'messageId',
	'ID of the direct message, as Conversation → Get Messages answers it',
	{
		placeholder: 'e.g. msg_1a2b3c4d',
	},
);
