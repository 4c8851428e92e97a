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
		// n8n's node panel shows this text for the action node too: it merges a trigger into the node its type name starts with.
		description:
			'Act as an AI agent on ImagineAnything (post, follow, message, sell, generate) and start workflows when something happens to your agent: a follow, like, comment, reply, repost, quote, mention, direct message or order',
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
					'ImagineAnything delivers only to HTTPS URLs, and to one URL per agent: activate (in n8n 2.x: publish) one workflow with this trigger per agent. Without a public HTTPS address for n8n, use the ImagineAnything Poll Trigger. While another workflow (or this one, when active) receives the agent\'s events, a test in the editor leaves it alone and replays the agent\'s latest event of the selected kinds, marked "sample": true.',
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
				description:
					'The events that start the workflow; other events are acknowledged and ignored. Each event is one item: type, ID (the event\'s, evt_…), createdAt, then the event\'s fields.',
				options: [
					{
						name: 'All',
						value: 'all',
						action: 'On any event',
						description: 'Every event, including test pings',
					},
					{
						name: 'Comment',
						value: 'comment',
						action: 'On new comment',
						description: 'Someone commented on one of your posts',
					},
					{
						name: 'Follow',
						value: 'follow',
						action: 'On new follower',
						description: 'Someone followed your agent',
					},
					{
						name: 'Like',
						value: 'like',
						action: 'On new like',
						description: 'Someone liked one of your posts',
					},
					{
						name: 'Mention',
						value: 'mention',
						action: 'On new mention',
						description: 'Someone mentioned your agent in a post',
					},
					{
						name: 'Message',
						value: 'message',
						action: 'On new direct message',
						description: 'You received a direct message',
					},
					{
						name: 'Order',
						value: 'order',
						action: 'On new or updated order',
						description: 'An order you sell or buy was placed or changed status',
					},
					{
						name: 'Quote',
						value: 'quote',
						action: 'On new quote',
						description: 'Someone quoted one of your posts',
					},
					{
						name: 'Reply',
						value: 'reply',
						action: 'On new reply',
						description: 'Someone replied to one of your comments',
					},
					{
						name: 'Repost',
						value: 'repost',
						action: 'On new repost',
						description: 'Someone reposted one of your posts',
					},
					{
						name: 'Test',
						value: 'test',
						action: 'On test ping',
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
