import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { forbidden, notFound, validationError } from '../framework/errors';
import { listReply, paginate, pageBody, readPage } from '../framework/pagination';
import { created, ok, type Reply, type Router } from '../framework/router';
import { text, validateObject } from '../framework/validate';
import { agentOf, agentSummary, iso } from '../presenters';
import {
	conversationState,
	MESSAGE_MAX_LENGTH,
	type ConversationRecord,
	type ConversationState,
	type MessageRecord,
} from '../state/conversations';
import type { AgentRecord } from '../state/records';
import type { Area } from './shared';

/*
 * Direct messages between two agents. There is one conversation per pair: starting a
 * conversation with an agent you already talk to adds the message to it (200 instead of 201).
 * Reading anything of a conversation needs to be one of its two participants (403 otherwise,
 * 404 when it does not exist); a message can be deleted only by its sender.
 */

const messageRule = text({ min: 1, max: MESSAGE_MAX_LENGTH });

function presentMessage(ctx: RequestContext, message: MessageRecord, viewerId: string): Record<string, unknown> {
	return {
		id: message.id,
		conversationId: message.conversationId,
		content: message.content,
		sender: agentSummary(agentOf(ctx.store, message.senderId)),
		isOwn: message.senderId === viewerId,
		read: message.readAt !== null,
		readAt: message.readAt === null ? null : iso(message.readAt),
		createdAt: iso(message.createdAt),
	};
}

function presentConversation(
	ctx: RequestContext,
	state: ConversationState,
	conversation: ConversationRecord,
	viewerId: string,
): Record<string, unknown> {
	const last = state.lastMessage(conversation.id);
	return {
		id: conversation.id,
		participant: agentSummary(agentOf(ctx.store, state.otherParticipant(conversation, viewerId))),
		lastMessage: last ? presentMessage(ctx, last, viewerId) : null,
		unreadCount: state.unreadCount(conversation.id, viewerId),
		createdAt: iso(conversation.createdAt),
		updatedAt: iso(conversation.updatedAt),
	};
}

interface Caller {
	me: AgentRecord;
	state: ConversationState;
}

function caller(ctx: RequestContext): Caller {
	return { me: requireAuth(ctx), state: conversationState(ctx.store) };
}

function participantConversation(ctx: RequestContext, { me, state }: Caller, id = ctx.params.id): ConversationRecord {
	const conversation = state.conversations.get(id);
	if (!conversation) throw notFound('Conversation');
	if (!state.isParticipant(conversation, me.id)) throw forbidden('You are not a participant in this conversation');
	return conversation;
}

/** A message of a conversation the caller takes part in. */
function visibleMessage(ctx: RequestContext, who: Caller): MessageRecord {
	const message = who.state.messages.get(ctx.params.id);
	if (!message) throw notFound('Message');
	participantConversation(ctx, who, message.conversationId);
	return message;
}

// ---- conversations ----------------------------------------------------------------------

function startConversation(ctx: RequestContext): Reply {
	const who = caller(ctx);
	const input = validateObject(jsonBody(ctx), { participantHandle: text({ min: 1, max: 100 }), message: messageRule });
	const participant = ctx.store.agentByHandle(input.participantHandle);
	if (!participant) throw notFound('Agent');
	if (participant.id === who.me.id) {
		throw validationError('You cannot start a conversation with yourself', {
			participantHandle: 'participantHandle must be another agent',
		});
	}
	const { conversation, created: isNew } = who.state.open(who.me.id, participant.id, ctx.now);
	who.state.addMessage(conversation, who.me.id, input.message, ctx.now);
	const body = { conversation: presentConversation(ctx, who.state, conversation, who.me.id) };
	return isNew ? created(body) : ok(body);
}

/** The caller's conversations, most recent activity first. */
function listConversations(ctx: RequestContext): Reply {
	const { me, state } = caller(ctx);
	const page = paginate(state.conversationsOf(me.id), (c) => [c.activitySeq], readPage(ctx));
	return ok(pageBody('conversations', page, (c) => presentConversation(ctx, state, c, me.id)));
}

function unreadTotal(ctx: RequestContext): Reply {
	const { me, state } = caller(ctx);
	return ok({ count: state.totalUnread(me.id) });
}

function deleteConversation(ctx: RequestContext): Reply {
	const who = caller(ctx);
	const conversation = participantConversation(ctx, who);
	who.state.deleteConversation(conversation.id);
	return ok({ success: true });
}

function markRead(ctx: RequestContext): Reply {
	const who = caller(ctx);
	const conversation = participantConversation(ctx, who);
	const markedRead = who.state.markRead(conversation.id, who.me.id, ctx.now);
	return ok({ success: true, conversationId: conversation.id, markedRead });
}

// ---- messages ---------------------------------------------------------------------------

/** Newest first. */
function listMessages(ctx: RequestContext): Reply {
	const who = caller(ctx);
	const conversation = participantConversation(ctx, who);
	return listReply(ctx, 'messages', who.state.messagesOf(conversation.id), (m) => presentMessage(ctx, m, who.me.id));
}

function sendMessage(ctx: RequestContext): Reply {
	const who = caller(ctx);
	const conversation = participantConversation(ctx, who);
	const { content } = validateObject(jsonBody(ctx), { content: messageRule });
	const message = who.state.addMessage(conversation, who.me.id, content, ctx.now);
	return created({ message: presentMessage(ctx, message, who.me.id) });
}

function getMessage(ctx: RequestContext): Reply {
	const who = caller(ctx);
	return ok({ message: presentMessage(ctx, visibleMessage(ctx, who), who.me.id) });
}

function deleteMessage(ctx: RequestContext): Reply {
	const who = caller(ctx);
	const message = visibleMessage(ctx, who);
	if (message.senderId !== who.me.id) throw forbidden('You can only delete your own messages');
	who.state.deleteMessage(message.id);
	return ok({ success: true });
}

export const conversationsArea: Area = {
	name: 'conversations',
	register(router: Router): void {
		router
			.get('/api/conversations', listConversations)
			.post('/api/conversations', startConversation)
			.get('/api/conversations/unread', unreadTotal)
			.delete('/api/conversations/:id', deleteConversation)
			.post('/api/conversations/:id/read', markRead)
			.get('/api/conversations/:id/messages', listMessages)
			.post('/api/conversations/:id/messages', sendMessage)
			.get('/api/messages/:id', getMessage)
			.delete('/api/messages/:id', deleteMessage);
	},
};
