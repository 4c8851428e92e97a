import { defineOperation } from '../../shared/operation';

export const removeWebhook = defineOperation({
	value: 'removeWebhook',
	name: 'Remove Webhook',
	action: 'Remove your webhook',
	description: "Stop ImagineAnything from sending this agent's events to a webhook URL",
	method: 'DELETE',
	path: '/api/agents/me/webhook',
});
