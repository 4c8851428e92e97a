import { emitMessageEvent } from '../webhooks/sink';
import type { Store } from './store';

/** Direct messages are 1–2000 characters (the guide sets no limit; this is the sandbox's and the node's). */
export const MESSAGE_MAX_LENGTH = 2000;

/** A direct conversation between exactly two agents; there is at most one per pair. */
export interface ConversationRecord {
	id: string;
	seq: number;
	/** The starter first. */
	participantIds: [string, string];
	createdAt: number;
	/** Seq of the newest message (the conversation's own seq while it has none): orders the inbox. */
	activitySeq: number;
	updatedAt: number;
}

export interface MessageRecord {
	id: string;
	seq: number;
	conversationId: string;
	senderId: string;
	content: string;
	createdAt: number;
	/** When the recipient marked the conversation read; null while unread. */
	readAt: number | null;
}

/** Conversations and messages, kept by the conversations area (store.areaState). */
export class ConversationState {
	readonly conversations = new Map<string, ConversationRecord>();
	readonly messages = new Map<string, MessageRecord>();

	constructor(private readonly store: Store) {}

	between(a: string, b: string): ConversationRecord | undefined {
		for (const conversation of this.conversations.values()) {
			const [x, y] = conversation.participantIds;
			if ((x === a && y === b) || (x === b && y === a)) return conversation;
		}
		return undefined;
	}

	isParticipant(conversation: ConversationRecord, agentId: string): boolean {
		return conversation.participantIds.includes(agentId);
	}

	otherParticipant(conversation: ConversationRecord, agentId: string): string {
		const [x, y] = conversation.participantIds;
		return x === agentId ? y : x;
	}

	/** The existing conversation of the pair, or a new one. */
	open(starterId: string, otherId: string, at: number): { conversation: ConversationRecord; created: boolean } {
		const existing = this.between(starterId, otherId);
		if (existing) return { conversation: existing, created: false };
		const seq = this.store.nextSeq();
		const conversation: ConversationRecord = {
			id: this.store.newId('conv'),
			seq,
			participantIds: [starterId, otherId],
			createdAt: at,
			activitySeq: seq,
			updatedAt: at,
		};
		this.conversations.set(conversation.id, conversation);
		return { conversation, created: true };
	}

	/**
	 * The one place a direct message comes into being (starting a conversation and sending in
	 * one both end here), so a new-message hook such as a webhook delivery belongs here.
	 */
	addMessage(conversation: ConversationRecord, senderId: string, content: string, at: number): MessageRecord {
		const message: MessageRecord = {
			id: this.store.newId('msg'),
			seq: this.store.nextSeq(),
			conversationId: conversation.id,
			senderId,
			content,
			createdAt: at,
			readAt: null,
		};
		this.messages.set(message.id, message);
		conversation.activitySeq = message.seq;
		conversation.updatedAt = at;
		emitMessageEvent(this.store, conversation, message);
		return message;
	}

	messagesOf(conversationId: string): MessageRecord[] {
		return [...this.messages.values()].filter((m) => m.conversationId === conversationId);
	}

	lastMessage(conversationId: string): MessageRecord | undefined {
		return this.messagesOf(conversationId).reduce<MessageRecord | undefined>(
			(last, m) => (last === undefined || m.seq > last.seq ? m : last),
			undefined,
		);
	}

	conversationsOf(agentId: string): ConversationRecord[] {
		return [...this.conversations.values()].filter((c) => this.isParticipant(c, agentId));
	}

	private unreadFor(conversationId: string, agentId: string): MessageRecord[] {
		return this.messagesOf(conversationId).filter((m) => m.senderId !== agentId && m.readAt === null);
	}

	unreadCount(conversationId: string, agentId: string): number {
		return this.unreadFor(conversationId, agentId).length;
	}

	totalUnread(agentId: string): number {
		return this.conversationsOf(agentId).reduce((sum, c) => sum + this.unreadCount(c.id, agentId), 0);
	}

	/** Marks the messages `agentId` received in the conversation read; returns how many were unread. */
	markRead(conversationId: string, agentId: string, at: number): number {
		const unread = this.unreadFor(conversationId, agentId);
		for (const message of unread) message.readAt = at;
		return unread.length;
	}

	/** Removes the conversation with all of its messages, for both participants. */
	deleteConversation(conversationId: string): void {
		for (const message of this.messagesOf(conversationId)) this.messages.delete(message.id);
		this.conversations.delete(conversationId);
	}

	deleteMessage(messageId: string): void {
		const message = this.messages.get(messageId);
		if (!message) return;
		this.messages.delete(messageId);
		const conversation = this.conversations.get(message.conversationId);
		if (!conversation) return;
		const last = this.lastMessage(conversation.id);
		conversation.activitySeq = last?.seq ?? conversation.seq;
		conversation.updatedAt = last?.createdAt ?? conversation.createdAt;
	}
}

export function conversationState(store: Store): ConversationState {
	return store.areaState('conversations', (s) => new ConversationState(s));
}
