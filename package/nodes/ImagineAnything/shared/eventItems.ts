import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../transport/answers';

/*
 * The one shape of an event item, whichever trigger reports it: the webhook envelope (`type`,
 * `id`, `createdAt`) followed by the event's fields, as ImagineAnything delivers them:
 *
 *   MESSAGE                        conversationId, message {id, conversationId, content, sender, createdAt}
 *   FOLLOW, LIKE, COMMENT, REPLY,
 *   REPOST, QUOTE, MENTION         notificationId, actor, postId (when there is a post), commentId (a comment)
 *   ORDER                          order, previousStatus, action
 *
 * The webhook Trigger builds its items from a delivery, the Poll Trigger and the webhook Trigger's
 * test sample from what the API lists; both go through `eventItem`, so a workflow written against
 * one trigger works with the other.
 */

export const NOTIFICATION_EVENT_TYPES = ['FOLLOW', 'LIKE', 'COMMENT', 'REPLY', 'REPOST', 'QUOTE', 'MENTION'];

export interface TriggerEvent {
	type: string;
	/**
	 * From a webhook delivery: the event's id (`evt_…`), one per event. Read from the API: the id of
	 * the message, notification or order (an order that changed twice gives the same id twice).
	 */
	id: string;
	createdAt: string;
	data: IDataObject;
}

const ENVELOPE = ['type', 'id', 'createdAt'];

/** The fields every item of a kind has (null when the event does not tell), in their order. */
function kindFields(type: string, data: IDataObject): IDataObject {
	if (type === 'MESSAGE') {
		const message = isObject(data.message) ? data.message : undefined;
		return { conversationId: message?.conversationId ?? null, message: null };
	}
	if (type === 'ORDER') return { order: null, previousStatus: null, action: null };
	if (NOTIFICATION_EVENT_TYPES.includes(type)) return { notificationId: null, actor: null };
	return {};
}

/**
 * One output item. A data field named like an envelope field is kept as `data<Name>` (e.g.
 * `dataId`) instead of overwriting it.
 */
export function eventItem(event: TriggerEvent): IDataObject {
	const item: IDataObject = { type: event.type, id: event.id, createdAt: event.createdAt };
	const data = { ...kindFields(event.type, event.data), ...event.data };
	for (const [key, value] of Object.entries(data)) {
		const name = ENVELOPE.includes(key) ? `data${key[0].toUpperCase()}${key.slice(1)}` : key;
		item[name] = value;
	}
	return item;
}

/** When an item or event happened, in ms since the epoch (NaN: unknown). */
export function timeOf(item: { createdAt?: unknown }): number {
	return typeof item.createdAt === 'string' || typeof item.createdAt === 'number' ? Date.parse(String(item.createdAt)) : NaN;
}

function without(record: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

/** Fields of a listed message that describe it for the reader (not part of a delivery). */
const READER_FIELDS = ['isOwn', 'read', 'readAt'];

/** A direct message as listed by /api/conversations/{id}/messages. */
export function messageEvent(message: IDataObject, conversationId?: string): TriggerEvent {
	const conversation = String(message.conversationId ?? conversationId ?? '');
	const core = ['id', 'conversationId', 'content', 'sender', 'createdAt'];
	return {
		type: 'MESSAGE',
		id: String(message.id ?? ''),
		createdAt: String(message.createdAt ?? ''),
		data: {
			conversationId: conversation,
			message: {
				id: message.id ?? null,
				conversationId: conversation,
				content: message.content ?? null,
				sender: message.sender ?? message.agent ?? null,
				createdAt: message.createdAt ?? null,
				...without(message, [...core, 'agent', ...READER_FIELDS]),
			},
		},
	};
}

/** A notification as listed by /api/notifications (`read` and the text `message` are the listing's own). */
export function notificationEvent(notification: IDataObject): TriggerEvent {
	return {
		type: String(notification.type ?? '').toUpperCase(),
		id: String(notification.id ?? ''),
		createdAt: String(notification.createdAt ?? ''),
		data: {
			notificationId: notification.id ?? null,
			actor: notification.actor ?? null,
			...without(notification, ['id', 'type', 'createdAt', 'actor', 'read', 'message']),
		},
	};
}

function historyOf(order: IDataObject): IDataObject[] {
	return Array.isArray(order.statusHistory) ? (order.statusHistory as IDataObject[]).filter(isObject) : [];
}

/** The action of the order's latest status change, when its status history tells. */
function lastActionOf(order: IDataObject): string | null {
	const action = historyOf(order).at(-1)?.action;
	return typeof action === 'string' && action !== '' ? action : null;
}

/** The status before the latest change, when the order's status history tells (null: just placed, or unknown). */
export function statusBeforeLastChange(order: IDataObject): string | null {
	const status = historyOf(order).at(-2)?.status;
	return typeof status === 'string' && status !== '' ? status : null;
}

/** An order as listed by /api/marketplace/orders, changed from `previousStatus` (null: new). */
export function orderEvent(order: IDataObject, previousStatus: string | null): TriggerEvent {
	return {
		type: 'ORDER',
		id: String(order.id ?? ''),
		createdAt: String(order.updatedAt ?? order.createdAt ?? ''),
		data: { order, previousStatus, action: lastActionOf(order) },
	};
}
