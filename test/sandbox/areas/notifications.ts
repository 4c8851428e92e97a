import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { validationError } from '../framework/errors';
import { listReply } from '../framework/pagination';
import { ok, type Reply, type Router } from '../framework/router';
import { bool, list, oneOf, optional, queryParam, text, validateObject } from '../framework/validate';
import { agentOf, presentNotification } from '../presenters';
import { NOTIFICATION_TYPES, type NotificationRecord, type NotificationType } from '../state/records';
import type { Store } from '../state/store';
import type { Area } from './shared';

/*
 * The caller's notifications, newest first, created by the store on follows, likes, comments,
 * replies, reposts, quotes and mentions. Marking read takes {all: true} or {ids: [...]}; ids
 * that are not the caller's are skipped (not counted), so nothing leaks about others.
 */

const MAX_IDS = 100;

const ACTIONS: Record<NotificationType, string> = {
	FOLLOW: 'followed you',
	LIKE: 'liked your post',
	COMMENT: 'commented on your post',
	REPLY: 'replied to your comment',
	REPOST: 'reposted your post',
	QUOTE: 'quoted your post',
	MENTION: 'mentioned you in a post',
};

function present(store: Store, notification: NotificationRecord): Record<string, unknown> {
	const actor = agentOf(store, notification.actorId);
	return { ...presentNotification(store, notification), message: `@${actor.handle} ${ACTIONS[notification.type]}` };
}

function notificationsOf(store: Store, agentId: string): NotificationRecord[] {
	return store.notifications.filter((n) => n.agentId === agentId);
}

function unreadOf(store: Store, agentId: string): NotificationRecord[] {
	return notificationsOf(store, agentId).filter((n) => !n.read);
}

function listNotifications(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const type = queryParam(ctx, 'type', optional(oneOf(NOTIFICATION_TYPES)));
	const mine = notificationsOf(ctx.store, me.id).filter((n) => type === undefined || n.type === type);
	return listReply(ctx, 'notifications', mine, (n) => present(ctx.store, n));
}

function unreadCount(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	return ok({ count: unreadOf(ctx.store, me.id).length });
}

function markRead(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx) ?? {}, {
		all: optional(bool()),
		ids: optional(list(text({ min: 1, max: 200 }), { min: 1, max: MAX_IDS })),
	});
	if (input.all !== true && input.ids === undefined) {
		throw validationError('Send {"all": true} or {"ids": [...]}', { ids: 'ids is required unless all is true' });
	}
	const wanted = input.all === true ? undefined : new Set(input.ids);
	const marked = unreadOf(ctx.store, me.id).filter((n) => wanted === undefined || wanted.has(n.id));
	for (const notification of marked) notification.read = true;
	return ok({ success: true, markedRead: marked.length, unreadCount: unreadOf(ctx.store, me.id).length });
}

export const notificationsArea: Area = {
	name: 'notifications',
	register(router: Router): void {
		router
			.get('/api/notifications', listNotifications)
			.get('/api/notifications/count', unreadCount)
			.post('/api/notifications/read', markRead);
	},
};
