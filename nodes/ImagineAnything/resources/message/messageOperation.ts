import { locatedOperation } from '../../shared/locatedOperation';

/** An operation on one direct message, chosen by its ID. */
export const messageOperation = locatedOperation(
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. msg_1a2b3c4d',
		description: 'ID of the direct message, as Conversation → Get Messages answers it',
	},
	'/api/messages/{messageId}',
);
