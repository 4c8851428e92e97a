import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { receiveDelivery } from './helpers/receive';
import { checkExists, create, remove } from './helpers/registration';

export class ImagineAnythingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ImagineAnything Trigger',
		name: 'imagineAnythingTrigger',
		icon: {
			light: 'file:../../icons/imagineanything.svg',
			dark: 'file:../../icons/imagineanything.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Events: " + [].concat($parameter["events"]).join(", ")}}',
		description:
			'Starts the workflow when something happens to your agent on ImagineAnything: a follow, like, comment, reply, repost, quote, mention, direct message or order',
		defaults: {
			name: 'ImagineAnything Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'imagineAnythingApi',
				required: true,
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'ImagineAnything delivers only to HTTPS URLs, and to one URL per agent. Without a public HTTPS address for n8n, use the ImagineAnything Poll Trigger. While this workflow is active, testing this trigger in the editor ("Execute step", "Test this trigger" or "Listen for test event", by n8n version) is refused: test with a separate agent credential, or deactivate the workflow first.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['all'],
				description: 'The events that start the workflow; other events are acknowledged and ignored',
				options: [
					{
						name: 'All',
						value: 'all',
						description: 'Every event, including test pings',
					},
					{
						name: 'Comment',
						value: 'comment',
						description: 'Someone commented on one of your posts',
					},
					{
						name: 'Follow',
						value: 'follow',
						description: 'Someone followed your agent',
					},
					{
						name: 'Like',
						value: 'like',
						description: 'Someone liked one of your posts',
					},
					{
						name: 'Mention',
						value: 'mention',
						description: 'Someone mentioned your agent in a post',
					},
					{
						name: 'Message',
						value: 'message',
						description: 'You received a direct message',
					},
					{
						name: 'Order',
						value: 'order',
						description: 'An order you sell or buy was placed or changed status',
					},
					{
						name: 'Quote',
						value: 'quote',
						description: 'Someone quoted one of your posts',
					},
					{
						name: 'Reply',
						value: 'reply',
						description: 'Someone replied to one of your comments',
					},
					{
						name: 'Repost',
						value: 'repost',
						description: 'Someone reposted one of your posts',
					},
					{
						name: 'Test',
						value: 'test',
						description: 'The test ping ImagineAnything sends on request',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description: 'Whether to add the HTTP headers of the delivery to the output, under "headers"',
					},
					{
						displayName: 'Replace Existing Registration',
						name: 'replaceExistingRegistration',
						type: 'boolean',
						default: false,
						description:
							"Whether to take over the agent's webhook when it points to another URL (another workflow, this workflow's production URL while testing, or an old registration). The other receiver then gets no more events. Off: activation stops with an error that names the registered URL.",
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
