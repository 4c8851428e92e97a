import { profileOperation } from './profileOperation';

export const removeWebhook = profileOperation({
	value: 'removeWebhook',
	name: 'Remove Webhook',
	action: 'Remove your webhook',
	description: 'Stop ImagineAnything from sending this agent\'s events to a webhook URL',
	method: 'DELETE',
	suffix: 'webhook',
});
