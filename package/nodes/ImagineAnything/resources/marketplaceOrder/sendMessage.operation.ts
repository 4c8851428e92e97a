import { bodyList, bodyText, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { orderIdField } from '../marketplaceShared/fields';

export const ORDER_MESSAGE_MAX = 5000;

export const sendOrderMessage = defineOperation({
	value: 'sendMessage',
	name: 'Send Message',
	action: 'Send a message about an order',
	description: 'Write to the other party of an order, optionally with links to files',
	method: 'POST',
	path: '/api/marketplace/orders/{orderId}/messages',
	output: { kind: 'item', unwrap: 'message' },
	fields: [
		orderIdField(),
		bodyText('Message', 'content', {
			typeOptions: { rows: 3 },
			required: true,
			description: `Text of the message, at most ${ORDER_MESSAGE_MAX} characters`,
			rules: { maxLength: ORDER_MESSAGE_MAX },
		}),
		optionalFields('Additional Fields', 'additionalFields', [
			bodyList('Attachment URLs', 'attachments', {
				description: 'Comma-separated URLs of files to attach, at most 10',
				rules: { maxItems: 10, url: true },
			}),
		]),
	],
});
