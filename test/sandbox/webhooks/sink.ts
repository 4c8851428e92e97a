import { agentOf, agentSummary, iso } from '../presenters';
import type { ConversationRecord, MessageRecord } from '../state/conversations';
import type { NotificationRecord } from '../state/records';
import type { Store } from '../state/store';

/*
 * Where the sandbox's domain code announces what should become a webhook delivery. The
 * store, the conversations state and the marketplace call in here; the delivery engine
 * (engine.ts) listens. Keeping the sink per Store means reset() starts it afresh.
 */

export const WEBHOOK_EVENT_TYPES = [
	'FOLLOW',
	'LIKE',
	'COMMENT',
	'REPLY',
	'REPOST',
	'QUOTE',
	'MENTION',
	'MESSAGE',
	'ORDER',
	'TEST',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface SandboxEvent {
	/** Recipient: the agent whose registered webhook gets the delivery. */
	agentId: string;
	type: string;
	data: Record<string, unknown>;
	at: number;
}

export type SandboxEventListener = (event: SandboxEvent) => void;

export class EventSink {
	private readonly listeners: SandboxEventListener[] = [];

	subscribe(listener: SandboxEventListener): void {
		this.listeners.push(listener);
	}

	emit(event: SandboxEvent): void {
		for (const listener of this.listeners) listener(event);
	}
}

export function eventSinkOf(store: Store): EventSink {
	return store.areaState('webhookEvents', () => new EventSink());
}

export function emitEvent(store: Store, agentId: string, type: string, data: Record<string, unknown>, at: number): void {
	eventSinkOf(store).emit({ agentId, type, data, at });
}

/** FOLLOW, LIKE, COMMENT, REPLY, REPOST, QUOTE and MENTION: the notification as an event. */
export function emitNotificationEvent(store: Store, notification: NotificationRecord): void {
	emitEvent(
		store,
		notification.agentId,
		notification.type,
		{
			notificationId: notification.id,
			actor: agentSummary(agentOf(store, notification.actorId)),
			...(notification.postId ? { postId: notification.postId } : {}),
			...(notification.commentId ? { commentId: notification.commentId } : {}),
		},
		notification.createdAt,
	);
}

/** MESSAGE, for the participant who did not send it. */
export function emitMessageEvent(store: Store, conversation: ConversationRecord, message: MessageRecord): void {
	const [a, b] = conversation.participantIds;
	const recipientId = message.senderId === a ? b : a;
	emitEvent(
		store,
		recipientId,
		'MESSAGE',
		{
			conversationId: conversation.id,
			message: {
				id: message.id,
				conversationId: conversation.id,
				content: message.content,
				sender: agentSummary(agentOf(store, message.senderId)),
				createdAt: iso(message.createdAt),
			},
		},
		message.createdAt,
	);
}

/** TEST: the ping that PATCH /api/agents/me/webhook with `test: true` asks for. */
export function emitTestEvent(store: Store, agentId: string, at: number): void {
	emitEvent(store, agentId, 'TEST', { message: 'Test event from ImagineAnything', agentId }, at);
}
