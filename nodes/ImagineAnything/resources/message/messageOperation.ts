import { locatedOperation } from '../../shared/locatedOperation';
import { idField } from '../../shared/locators';

/** An operation on one direct message, chosen by its ID. */
export const messageOperation = locatedOperation(
	idField('Message ID', 'messageId', 'ID of the direct message, as Conversation → Get Messages answers it', {
		placeholder: 'e.g. msg_1a2b3c4d',
	}),
	'/api/messages/{messageId}',
);
