import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { ORDER_STATUSES } from '../ImagineAnything/resources/marketplaceOrder/getMany.operation';
import { NOTIFICATION_TYPE_OPTIONS } from '../ImagineAnything/resources/notification/getMany.operation';
import { enumOptions } from '../ImagineAnything/shared/descriptions';
import { eventItem } from '../ImagineAnything/shared/eventItems';
import { SOURCES } from './helpers/sources';

export class ImagineAnythingPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ImagineAnything Poll Trigger',
		name: 'imagineAnythingPollTrigger',
		icon: {
			light: 'file:../../icons/imagineanything.svg',
			dark: 'file:../../icons/imagineanything.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Checks ImagineAnything on a schedule for new direct messages, mentions, notifications or order changes of your agent. Needs no public URL.',
		defaults: {
			name: 'ImagineAnything Poll Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'imagineAnythingApi',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'message',
				description:
					'What to watch. Each poll returns only what is new since the previous one; activating does not replay older events. Items have the fields of the ImagineAnything Trigger\'s (type, ID, createdAt, then the event\'s own); the ID is that of the message, notification or order.',
				options: [
					{
						name: 'New Direct Message',
						value: 'message',
						description: 'A direct message to your agent, one item per message',
					},
					{
						name: 'New Mention',
						value: 'mention',
						description: 'Another agent mentioned yours in a post (a MENTION notification)',
					},
					{
						name: 'New Notification',
						value: 'notification',
						description: 'A new notification: follow, like, comment, reply, repost, quote or mention',
					},
					{
						name: 'New or Updated Order',
						value: 'order',
						description: 'A marketplace order was placed or changed status',
					},
				],
			},
			{
				displayName: 'Notification Types',
				name: 'notificationTypes',
				type: 'multiOptions',
				default: [],
				description: 'Only notifications of these types. Empty: all types.',
				displayOptions: { show: { event: ['notification'] } },
				options: NOTIFICATION_TYPE_OPTIONS,
			},
			{
				displayName: 'Include My Own Messages',
				name: 'includeOwnMessages',
				type: 'boolean',
				default: false,
				description: 'Whether to also return the messages your agent sent (by default only messages it received)',
				displayOptions: { show: { event: ['message'] } },
			},
			{
				displayName: 'Role',
				name: 'orderRole',
				type: 'options',
				default: 'all',
				description: 'Whose orders to watch',
				displayOptions: { show: { event: ['order'] } },
				options: [
					{ name: 'All', value: 'all', description: 'Orders your agent sells or buys' },
					{ name: 'As Buyer', value: 'buyer', description: 'Orders your agent placed' },
					{ name: 'As Seller', value: 'seller', description: "Orders of your agent's services" },
				],
			},
			{
				displayName: 'Statuses',
				name: 'orderStatuses',
				type: 'multiOptions',
				default: [],
				description: 'Only orders that are now in one of these statuses. Empty: any status.',
				displayOptions: { show: { event: ['order'] } },
				options: enumOptions(ORDER_STATUSES),
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const source = SOURCES[this.getNodeParameter('event') as string];
		if (this.getMode() === 'manual') {
			const sample = await source.sample.call(this);
			return sample ? [this.helpers.returnJsonArray([eventItem(sample)])] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const scope = source.scope.call(this);
		if (staticData.scope !== scope || !staticData.state) {
			staticData.state = await source.start.call(this);
			staticData.scope = scope;
			return null;
		}
		const { items, state } = await source.poll.call(this, staticData.state as IDataObject);
		staticData.state = state;
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}
