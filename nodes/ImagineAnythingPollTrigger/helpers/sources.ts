import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { apiRequest } from '../../ImagineAnything/transport';
import { unwrap } from '../../ImagineAnything/transport/answers';
import { PAGE_SIZE, readList } from './pages';
import {
	advance,
	idOf,
	isBeyond,
	isNew,
	isPosition,
	oldestFirst,
	OVERLAP_MS,
	positionOf,
	START,
	timeOf,
	type Position,
} from './position';

/**
 * One kind of event the poll trigger reports. `state` is plain JSON kept in the node's static
 * data; `poll` returns the new items (oldest first) and the state after them, so the caller
 * stores it only when the whole poll succeeded and a failed poll is simply repeated.
 */
export interface EventSource {
	/** What the stored state is about; when it changes (other event or filter), the trigger starts afresh. */
	scope(this: IPollFunctions): string;
	/** The state at activation: everything that exists now counts as seen. */
	start(this: IPollFunctions): Promise<IDataObject>;
	poll(this: IPollFunctions, state: IDataObject): Promise<{ items: IDataObject[]; state: IDataObject }>;
	/** The latest matching item, for a manual test; changes nothing. */
	sample(this: IPollFunctions): Promise<IDataObject | undefined>;
}

function positionIn(state: IDataObject, key = 'position'): Position {
	const value = state[key];
	return isPosition(value) ? value : { ...START };
}

// ---- notifications and mentions --------------------------------------------------------

function notificationTypes(this: IPollFunctions): string[] {
	if (this.getNodeParameter('event') === 'mention') return ['MENTION'];
	return (this.getNodeParameter('notificationTypes', []) as string[]).map((t) => t.toUpperCase());
}

function notificationQuery(types: string[]): IDataObject {
	// The API filters by one type; several are filtered here.
	return types.length === 1 ? { type: types[0] } : {};
}

function matchesTypes(types: string[], item: IDataObject): boolean {
	return types.length === 0 || types.includes(String(item.type ?? '').toUpperCase());
}

const notifications: EventSource = {
	scope() {
		return `notifications:${String(notificationQuery(notificationTypes.call(this)).type ?? '*')}`;
	},
	async start() {
		const qs = notificationQuery(notificationTypes.call(this));
		const newest = await readList.call(this, { path: '/api/notifications', key: 'notifications', qs, maxPages: 1 });
		return { position: positionOf(newest, newest.length < PAGE_SIZE) } as unknown as IDataObject;
	},
	async poll(state) {
		const types = notificationTypes.call(this);
		const position = positionIn(state);
		const listed = await readList.call(this, {
			path: '/api/notifications',
			key: 'notifications',
			qs: notificationQuery(types),
			until: (item) => isBeyond(position, item),
		});
		const fresh = listed.filter((item) => isNew(position, item));
		return {
			items: oldestFirst(fresh.filter((item) => matchesTypes(types, item))),
			state: { position: advance(position, fresh) } as unknown as IDataObject,
		};
	},
	async sample() {
		const types = notificationTypes.call(this);
		const listed = await readList.call(this, {
			path: '/api/notifications',
			key: 'notifications',
			qs: notificationQuery(types),
			maxPages: 1,
		});
		return listed.find((item) => matchesTypes(types, item));
	},
};

// ---- direct messages -------------------------------------------------------------------

interface Me {
	id: string;
	handle: string;
}

async function whoAmI(this: IPollFunctions): Promise<Me> {
	const me = unwrap((await apiRequest.call(this, { method: 'GET', path: '/api/agents/me', expect: 'object' })).body, 'agent');
	return { id: String(me.id ?? ''), handle: String(me.handle ?? '') };
}

function isOwn(message: IDataObject, me: Me): boolean {
	if (typeof message.isOwn === 'boolean') return message.isOwn;
	const sender = (message.sender ?? message.agent ?? {}) as IDataObject;
	return (me.id !== '' && sender.id === me.id) || (me.handle !== '' && sender.handle === me.handle);
}

function lastMessageOf(conversation: IDataObject): IDataObject | undefined {
	const last = conversation.lastMessage;
	return last && typeof last === 'object' && !Array.isArray(last) ? (last as IDataObject) : undefined;
}

/** When the conversation last had a message, as far as the listing tells (NaN: unknown). */
function activityOf(conversation: IDataObject): number {
	const last = lastMessageOf(conversation);
	const time = last ? timeOf(last) : NaN;
	return Number.isNaN(time) ? Date.parse(String(conversation.updatedAt ?? conversation.lastMessageAt ?? '')) : time;
}

function messagesPath(conversationId: string): string {
	return `/api/conversations/${encodeURIComponent(conversationId)}/messages`;
}

function asMessageItem(message: IDataObject, conversation: IDataObject): IDataObject {
	return { ...message, conversationId: message.conversationId ?? conversation.id, participant: conversation.participant };
}

interface MessageState {
	me: Me;
	/** Newest activity of the previous conversation listing: conversations quiet since then need no look. */
	listedAt: number;
	conversations: Record<string, Position>;
}

function messageState(state: IDataObject): MessageState {
	const s = state as unknown as Partial<MessageState>;
	return {
		me: s.me ?? { id: '', handle: '' },
		listedAt: typeof s.listedAt === 'number' ? s.listedAt : 0,
		conversations: s.conversations && typeof s.conversations === 'object' ? s.conversations : {},
	};
}

function newestActivity(conversations: IDataObject[], previous: number): number {
	return conversations.reduce((max, c) => {
		const time = activityOf(c);
		return Number.isNaN(time) ? max : Math.max(max, time);
	}, previous);
}

const messages: EventSource = {
	scope() {
		return `messages:${this.getNodeParameter('includeOwnMessages', false) ? 'all' : 'incoming'}`;
	},
	async start() {
		const conversations = await readList.call(this, { path: '/api/conversations', key: 'conversations' });
		const positions: Record<string, Position> = {};
		for (const conversation of conversations) {
			const last = lastMessageOf(conversation);
			const newest = last
				? [last]
				: await readList.call(this, { path: messagesPath(idOf(conversation)), key: 'messages', limit: 1, maxPages: 1 });
			positions[idOf(conversation)] = positionOf(newest, newest.length === 0);
		}
		const state: MessageState = {
			me: await whoAmI.call(this),
			listedAt: newestActivity(conversations, 0),
			conversations: positions,
		};
		return state as unknown as IDataObject;
	},
	async poll(stored) {
		const state = messageState(stored);
		if (state.me.id === '' && state.me.handle === '') state.me = await whoAmI.call(this);
		const includeOwn = this.getNodeParameter('includeOwnMessages', false) as boolean;
		// Newest activity first: once a conversation was quiet before the previous listing, the rest were too.
		const conversations = await readList.call(this, {
			path: '/api/conversations',
			key: 'conversations',
			until: (c) => activityOf(c) < state.listedAt - OVERLAP_MS,
		});
		const positions = { ...state.conversations };
		const items: IDataObject[] = [];
		for (const conversation of conversations) {
			const id = idOf(conversation);
			const position = positions[id] ?? { ...START };
			const last = lastMessageOf(conversation);
			if (last && !isNew(position, last)) continue;
			if (!last && activityOf(conversation) < state.listedAt - OVERLAP_MS) continue;
			const listed = await readList.call(this, {
				path: messagesPath(id),
				key: 'messages',
				until: (message) => isBeyond(position, message),
			});
			const fresh = listed.filter((message) => isNew(position, message));
			positions[id] = advance(position, fresh);
			for (const message of fresh) {
				if (includeOwn || !isOwn(message, state.me)) items.push(asMessageItem(message, conversation));
			}
		}
		const next: MessageState = {
			me: state.me,
			listedAt: newestActivity(conversations, state.listedAt),
			conversations: positions,
		};
		return { items: oldestFirst(items), state: next as unknown as IDataObject };
	},
	async sample() {
		const includeOwn = this.getNodeParameter('includeOwnMessages', false) as boolean;
		const me = await whoAmI.call(this);
		const conversations = await readList.call(this, { path: '/api/conversations', key: 'conversations', maxPages: 1, limit: 10 });
		for (const conversation of conversations) {
			const listed = await readList.call(this, { path: messagesPath(idOf(conversation)), key: 'messages', maxPages: 1, limit: 20 });
			const message = oldestFirst(listed)
				.reverse()
				.find((m) => includeOwn || !isOwn(m, me));
			if (message) return asMessageItem(message, conversation);
		}
		return undefined;
	},
};

// ---- orders ----------------------------------------------------------------------------

function orderFilters(this: IPollFunctions): { role: string; statuses: string[] } {
	return {
		role: this.getNodeParameter('orderRole', 'all') as string,
		statuses: (this.getNodeParameter('orderStatuses', []) as string[]).map((s) => s.toUpperCase()),
	};
}

function orderQuery(role: string, statuses: string[]): IDataObject {
	return { role, ...(statuses.length === 1 ? { status: statuses[0] } : {}) };
}

/**
 * What counts as a change: the status, and the length of the status history when the
 * answer has one (so DELIVERED → REVISION → DELIVERED between two polls is still seen).
 */
function versionOf(order: IDataObject): string {
	const history = order.statusHistory;
	return `${String(order.status ?? '')}|${Array.isArray(history) ? history.length : ''}`;
}

function updatedTime(order: IDataObject): number {
	const time = Date.parse(String(order.updatedAt ?? order.createdAt ?? ''));
	return Number.isNaN(time) ? 0 : time;
}

async function listOrders(this: IPollFunctions): Promise<IDataObject[]> {
	const { role, statuses } = orderFilters.call(this);
	return await readList.call(this, { path: '/api/marketplace/orders', key: 'orders', qs: orderQuery(role, statuses) });
}

function orderVersions(state: IDataObject): Record<string, string> {
	const versions = state.versions;
	return versions && typeof versions === 'object' && !Array.isArray(versions) ? { ...(versions as Record<string, string>) } : {};
}

const orders: EventSource = {
	scope() {
		const { role, statuses } = orderFilters.call(this);
		const query = orderQuery(role, statuses);
		return `orders:${role}:${String(query.status ?? '*')}`;
	},
	async start() {
		const versions: Record<string, string> = {};
		for (const order of await listOrders.call(this)) versions[idOf(order)] = versionOf(order);
		return { versions };
	},
	async poll(state) {
		const { statuses } = orderFilters.call(this);
		const versions = orderVersions(state);
		const changed: IDataObject[] = [];
		for (const order of await listOrders.call(this)) {
			const id = idOf(order);
			const version = versionOf(order);
			const previous = versions[id];
			versions[id] = version;
			if (previous === version) continue;
			if (statuses.length > 0 && !statuses.includes(String(order.status ?? '').toUpperCase())) continue;
			changed.push({ ...order, previousStatus: previous === undefined ? null : previous.split('|')[0] });
		}
		changed.sort((a, b) => updatedTime(a) - updatedTime(b));
		return { items: changed, state: { versions } };
	},
	async sample() {
		const { statuses } = orderFilters.call(this);
		const matching = (await listOrders.call(this)).filter(
			(order) => statuses.length === 0 || statuses.includes(String(order.status ?? '').toUpperCase()),
		);
		return matching.sort((a, b) => updatedTime(b) - updatedTime(a))[0];
	},
};

export const SOURCES: Record<string, EventSource> = {
	mention: notifications,
	message: messages,
	notification: notifications,
	order: orders,
};
