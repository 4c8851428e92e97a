import type { IDataObject } from 'n8n-workflow';

import { apiRequest, type ApiContext } from '../transport';
import { listItems, unwrap } from '../transport/answers';
import { messageEvent, notificationEvent, orderEvent, statusBeforeLastChange, timeOf, type TriggerEvent } from './eventItems';

/*
 * Reading an agent's events from the API: the lists the Poll Trigger watches, and the latest
 * matching event (the Poll Trigger's "Fetch Test Event", the webhook Trigger's test sample).
 */

export const PAGE_SIZE = 100;
const MAX_PAGES = 200;

export interface ListRequest {
	path: string;
	/** Array key of the answer (the one array present is taken when it is absent). */
	key: string;
	qs?: IDataObject;
	/** Items per page; default PAGE_SIZE. */
	limit?: number;
	/** Stop after the page where this holds for an item (newest-first lists: the first old one). */
	until?: (item: IDataObject) => boolean;
	/** At most this many pages; default all. */
	maxPages?: number;
}

/** Follows `nextCursor` through a list and returns its items in the order served. */
export async function readList(this: ApiContext, request: ListRequest): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < (request.maxPages ?? MAX_PAGES); page++) {
		const qs: IDataObject = { ...request.qs, limit: request.limit ?? PAGE_SIZE };
		if (cursor) qs.cursor = cursor;
		const { body } = await apiRequest.call(this, { method: 'GET', path: request.path, qs, expect: { list: request.key } });
		const pageItems = listItems(body, request.key);
		items.push(...pageItems);
		const { nextCursor, hasMore } = (body ?? {}) as IDataObject;
		cursor = typeof nextCursor === 'string' && nextCursor !== '' ? nextCursor : undefined;
		if (!cursor || hasMore === false || pageItems.length === 0) break;
		if (request.until && pageItems.some(request.until)) break;
	}
	return items;
}

/** Newest first; items of the same time keep the order the API listed them in. */
function newestFirst<T extends IDataObject>(items: T[]): T[] {
	return [...items].sort((a, b) => (timeOf(b) || 0) - (timeOf(a) || 0));
}

// ---- direct messages -------------------------------------------------------------------

export interface Me {
	id: string;
	handle: string;
}

export async function whoAmI(this: ApiContext): Promise<Me> {
	const me = unwrap((await apiRequest.call(this, { method: 'GET', path: '/api/agents/me', expect: 'object' })).body, 'agent');
	return { id: String(me.id ?? ''), handle: String(me.handle ?? '') };
}

export function isOwn(message: IDataObject, me: Me): boolean {
	if (typeof message.isOwn === 'boolean') return message.isOwn;
	const sender = (message.sender ?? message.agent ?? {}) as IDataObject;
	return (me.id !== '' && sender.id === me.id) || (me.handle !== '' && sender.handle === me.handle);
}

export function messagesPath(conversationId: string): string {
	return `/api/conversations/${encodeURIComponent(conversationId)}/messages`;
}

/** The newest message of the most recently active conversations (received only, unless `includeOwn`). */
export async function latestMessage(this: ApiContext, includeOwn: boolean): Promise<TriggerEvent | undefined> {
	const me = await whoAmI.call(this);
	const conversations = await readList.call(this, { path: '/api/conversations', key: 'conversations', maxPages: 1, limit: 10 });
	for (const conversation of conversations) {
		const conversationId = String(conversation.id ?? '');
		const listed = await readList.call(this, { path: messagesPath(conversationId), key: 'messages', maxPages: 1, limit: 20 });
		const message = newestFirst(listed).find((m) => includeOwn || !isOwn(m, me));
		if (message) return messageEvent(message, conversationId);
	}
	return undefined;
}

// ---- notifications ---------------------------------------------------------------------

/** The API filters by one type; several are filtered by `matchesTypes`. */
export function notificationQuery(types: string[]): IDataObject {
	return types.length === 1 ? { type: types[0] } : {};
}

/** Whether a notification is of one of `types` (empty: any type). */
export function matchesTypes(types: string[], notification: IDataObject): boolean {
	return types.length === 0 || types.includes(String(notification.type ?? '').toUpperCase());
}

export async function latestNotification(this: ApiContext, types: string[]): Promise<TriggerEvent | undefined> {
	const listed = await readList.call(this, { path: '/api/notifications', key: 'notifications', qs: notificationQuery(types), maxPages: 1 });
	const notification = newestFirst(listed).find((item) => matchesTypes(types, item));
	return notification ? notificationEvent(notification) : undefined;
}

// ---- orders ----------------------------------------------------------------------------

export interface OrderFilters {
	/** `all`, `buyer` or `seller`. */
	role: string;
	/** Upper case; empty: any status. */
	statuses: string[];
}

export function orderQuery({ role, statuses }: OrderFilters): IDataObject {
	return { role, ...(statuses.length === 1 ? { status: statuses[0] } : {}) };
}

export function matchesStatuses(statuses: string[], order: IDataObject): boolean {
	return statuses.length === 0 || statuses.includes(String(order.status ?? '').toUpperCase());
}

/** When the order last changed (ms; 0: unknown). */
export function updatedTime(order: IDataObject): number {
	const time = Date.parse(String(order.updatedAt ?? order.createdAt ?? ''));
	return Number.isNaN(time) ? 0 : time;
}

export async function listOrders(this: ApiContext, filters: OrderFilters): Promise<IDataObject[]> {
	return await readList.call(this, { path: '/api/marketplace/orders', key: 'orders', qs: orderQuery(filters) });
}

/** The order that changed last, with the status before that change when its history tells. */
export async function latestOrder(this: ApiContext, filters: OrderFilters): Promise<TriggerEvent | undefined> {
	const matching = (await listOrders.call(this, filters)).filter((order) => matchesStatuses(filters.statuses, order));
	const [order] = matching.sort((a, b) => updatedTime(b) - updatedTime(a));
	return order ? orderEvent(order, statusBeforeLastChange(order)) : undefined;
}
