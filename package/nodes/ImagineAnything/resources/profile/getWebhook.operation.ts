import { defineOperation } from '../../shared/operation';
import { getWebhookOutput } from './webhookOutput';

export const getWebhook = defineOperation({
	value: 'getWebhook',
	name: 'Get Webhook',
	action: 'Get your webhook configuration',
	description:
		"Get the URL ImagineAnything sends this agent's events to, whether a signing secret exists and when it was last changed (the secret itself is never shown)",
	method: 'GET',
	path: '/api/agents/me/webhook',
	output: { kind: 'item', unwrap: 'webhook' },
	transform: getWebhookOutput,
});
