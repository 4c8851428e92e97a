import { bodyText } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { INCLUDE_SECRET, setWebhookOutput } from './webhookOutput';

export const setWebhook = defineOperation({
	value: 'setWebhook',
	name: 'Set Webhook',
	action: 'Set your webhook',
	description:
		"Register the HTTPS URL ImagineAnything sends this agent's events to (follows, likes, comments, DMs); replaces any earlier URL",
	method: 'PATCH',
	path: '/api/agents/me/webhook',
	output: { kind: 'item', unwrap: 'webhook' },
	transform: setWebhookOutput,
	fields: [
		bodyText('Webhook URL', 'webhookUrl', {
			required: true,
			placeholder: 'e.g. https://n8n.example.com/webhook/imagineanything',
			description: 'HTTPS URL that receives the events, for example the production URL of a Webhook trigger',
			rules: { url: true },
		}),
		{
			displayName: 'Regenerate Secret',
			name: 'regenerateSecret',
			type: 'boolean',
			default: false,
			description:
				'Whether to create a new signing secret for the deliveries. The old secret stops working. The secret is only returned when this is on.',
			routing: { send: { type: 'body', property: 'regenerateSecret' } },
		},
		{
			displayName: 'Include Secret in Output',
			name: INCLUDE_SECRET,
			type: 'boolean',
			default: false,
			displayOptions: { show: { regenerateSecret: [true] } },
			description:
				'Whether to put the new signing secret in the output (field "secret") so that a following node can store it. Off: the output only says "secretReturned": true.',
		},
		{
			displayName:
				"The secret will be visible in this execution's data to anyone who can see executions of this workflow. Store it right away (for example in a credential) and consider turning off saving of successful executions.",
			name: 'secretNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { regenerateSecret: [true], [INCLUDE_SECRET]: [true] } },
		},
		{
			displayName: 'Send Test Event',
			name: 'test',
			type: 'boolean',
			default: false,
			description: 'Whether ImagineAnything should send a TEST event to the URL right away',
			routing: { send: { type: 'body', property: 'test' } },
		},
	],
});
