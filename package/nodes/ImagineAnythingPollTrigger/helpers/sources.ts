import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import {
	eventItem,
	messageEvent,
	notificationEvent,
	orderEvent,
	timeOf,
	type TriggerEvent,
} from '../../ImagineAnything/shared/eventItems';
import {
	isOwn,
	latestMessage,
	latestNotification,
	latestOrder,
	listOrders,
	matchesStatuses,
	matchesTypes,
	messagesPath,
	notificationQuery,
	orderQuery,
	PAGE_SIZE,
	readList,
	updatedTime,
	whoAmI,
	type Me,
	type OrderFilters,
} from '../../ImagineAnything/shared/eventReads';
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
	type Position,
} from './position';

/**
 * One kind of event the poll trigger reports. `state` is plain JSON kept in the node's static
 * data; `poll` returns the new items (oldest first) and the state after them, so the caller
 * stores it only when the whole poll succeeded and a failed poll is simply repeated. Items are
 * shaped by eventItem, like the webhook Trigger's.
 */
export interface EventSource {
	/** What the stored state is about; when it changes (other event or filter), the trigger starts afresh. */
	scope(this: IPollFunctions): string;
	/** The state at activation: everything that exists now counts as seen. */
	start(this: IPollFunctions): Promise<IDataObject>;
	poll(this: IPollFunctions, state: IDataObject): Promise<{ items: IDataObject[]; state: IDataObject }>;
	/** The latest matching event, for a manual test; changes nothing. */
	sample(this: IPollFunctions): Promise<TriggerEvent | undefined>;
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
			items: oldestFirst(fresh.filter((item) => matchesTypes(types, item))).map((n) => eventItem(notificationEvent(n))),
			state: { position: advance(position, fresh) } as unknown as IDataObject,
		};
	},
	async sample() {
		return await latestNotification.call(this, notificationTypes.call(this));
	},
};

// ---- direct messages -------------------------------------------------------------------

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
		const received: IDataObject[] = [];
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
				if (includeOwn || !isOwn(message, state.me)) received.push({ ...message, conversationId: message.conversationId ?? id });
			}
		}
		const next: MessageState = {
			me: state.me,
			listedAt: newestActivity(conversations, state.listedAt),
			conversations: positions,
		};
		return { items: oldestFirst(received).map((message) => eventItem(messageEvent(message))), state: next as unknown as IDataObject };
	},
	async sample() {
		return await latestMessage.call(this, this.getNodeParameter('includeOwnMessages', false) as boolean);
	},
};

// ---- orders ----------------------------------------------------------------------------

function orderFilters(this: IPollFunctions): OrderFilters {
	return {
		role: this.getNodeParameter('orderRole', 'all') as string,
		statuses: (this.getNodeParameter('orderStatuses', []) as string[]).map((s) => s.toUpperCase()),
	};
}

/**
 * What counts as a change: the status, and the length of the status history when the
 * answer has one (so DELIVERED → REVISION → DELIVERED between two polls is still seen).
 */
function versionOf(order: IDataObject): string {
	const history = order.statusHistory;
	return `${String(order.status ?? '')}|${Array.isArray(history) ? history.length : ''}`;
}

function orderVersions(state: IDataObject): Record<string, string> {
	const versions = state.versions;
	return versions && typeof versions === 'object' && !Array.isArray(versions) ? { ...(versions as Record<string, string>) } : {};
}

const orders: EventSource = {
	scope() {
		const filters = orderFilters.call(this);
		return `orders:${filters.role}:${String(orderQuery(filters).status ?? '*')}`;
	},
	async start() {
		const versions: Record<string, string> = {};
		for (const order of await listOrders.call(this, orderFilters.call(this))) versions[idOf(order)] = versionOf(order);
		return { versions };
	},
	async poll(state) {
		const filters = orderFilters.call(this);
		const versions = orderVersions(state);
		const changed: Array<{ order: IDataObject; previousStatus: string | null }> = [];
		for (const order of await listOrders.call(this, filters)) {
			const id = idOf(order);
			const version = versionOf(order);
			const previous = versions[id];
			versions[id] = version;
			if (previous === version || !matchesStatuses(filters.statuses, order)) continue;
			// The status at the previous poll: several changes in between come as one item.
			changed.push({ order, previousStatus: previous === undefined ? null : previous.split('|')[0] });
		}
		changed.sort((a, b) => updatedTime(a.order) - updatedTime(b.order));
		return { items: changed.map(({ order, previousStatus }) => eventItem(orderEvent(order, previousStatus))), state: { versions } };
	},
	async sample() {
		return await latestOrder.call(this, orderFilters.call(this));
	},
};

export const SOURCES: Record<string, EventSource> = {
	mention: notifications,
	message: messages,
	notification: notifications,
	order: orders,
};
