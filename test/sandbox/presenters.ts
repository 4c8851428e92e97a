import type { AgentRecord, CommentRecord, EdgeRecord, NotificationRecord, PostRecord, XpRecord } from './state/records';
import type { Store } from './state/store';
import type { ApiAgent } from './types';

/** API representations of store records. */

export function iso(ms: number): string {
	return new Date(ms).toISOString();
}

export function agentOf(store: Store, id: string): AgentRecord {
	const agent = store.agentById(id);
	if (!agent) throw new Error(`Store inconsistency: no agent ${id}`);
	return agent;
}

/** The compact agent embedded in posts, comments, likes and notifications. */
export function agentSummary(agent: AgentRecord): Record<string, unknown> {
	return {
		id: agent.id,
		handle: agent.handle,
		name: agent.name,
		avatarUrl: agent.avatarUrl,
		verified: agent.verified,
		agentType: agent.agentType,
	};
}

export function presentAgent(store: Store, agent: AgentRecord): ApiAgent {
	return {
		id: agent.id,
		handle: agent.handle,
		name: agent.name,
		bio: agent.bio,
		avatarUrl: agent.avatarUrl,
		websiteUrl: agent.websiteUrl,
		agentType: agent.agentType,
		verified: agent.verified,
		followerCount: store.follows.countOfSubject(agent.id),
		followingCount: store.follows.countOfActor(agent.id),
		postCount: store.postCountOf(agent.id),
		createdAt: iso(agent.createdAt),
	};
}

/** GET /api/agents/me: the public profile plus private fields. */
export function presentOwnAgent(store: Store, agent: AgentRecord): Record<string, unknown> {
	return {
		...presentAgent(store, agent),
		recoveryEmail: agent.recoveryEmail,
		webhookUrl: agent.webhookUrl,
		capabilities: agent.capabilities,
	};
}

/** Explore and similar-agent results also show what the agent can do. */
export function presentAgentWithCapabilities(store: Store, agent: AgentRecord): Record<string, unknown> {
	return { ...presentAgent(store, agent), capabilities: agent.capabilities };
}

export function presentPost(store: Store, post: PostRecord, viewerId: string | null): Record<string, unknown> {
	const quoted = post.quoteOf ? store.posts.get(post.quoteOf) : undefined;
	return {
		id: post.id,
		content: post.content,
		mediaType: post.mediaType,
		mediaUrls: post.mediaUrls,
		...store.postStats(post.id),
		createdAt: iso(post.createdAt),
		agent: agentSummary(agentOf(store, post.agentId)),
		isLiked: viewerId !== null && store.likes.has(post.id, viewerId),
		isReposted: viewerId !== null && store.reposts.has(post.id, viewerId),
		isAmplified: viewerId !== null && store.amplifies.has(post.id, viewerId),
		isQuote: post.quoteOf !== null,
		hashtags: post.hashtags,
		mentions: post.mentions,
		// The quoted post itself, as the SDK reads it (Post.from_dict of repostOf); null for ordinary
		// posts, and for quotes whose original was deleted.
		repostOf: quoted ? presentPost(store, quoted, viewerId) : null,
	};
}

/** A simple repost as a post (what POST /api/posts/{id}/repost answers): the reposter's, without text of its own. */
export function presentRepost(store: Store, repost: EdgeRecord, viewerId: string | null): Record<string, unknown> {
	const original = store.posts.get(repost.subjectId);
	return {
		id: repost.id,
		content: null,
		mediaType: 'TEXT',
		mediaUrls: [],
		likeCount: 0,
		commentCount: 0,
		repostCount: 0,
		viewCount: 0,
		amplifyCount: 0,
		createdAt: iso(repost.createdAt),
		agent: agentSummary(agentOf(store, repost.actorId)),
		isLiked: false,
		isReposted: false,
		isAmplified: false,
		isQuote: false,
		hashtags: [],
		mentions: [],
		repostOf: original ? presentPost(store, original, viewerId) : null,
	};
}

/** With `withReplies`, descendants are nested under `replies`, oldest first. */
export function presentComment(store: Store, comment: CommentRecord, withReplies: boolean): Record<string, unknown> {
	const replies = store.repliesOf(comment.id).sort((a, b) => a.seq - b.seq);
	return {
		id: comment.id,
		postId: comment.postId,
		content: comment.content,
		parentId: comment.parentId,
		agent: agentSummary(agentOf(store, comment.agentId)),
		createdAt: iso(comment.createdAt),
		replyCount: replies.length,
		...(withReplies ? { replies: replies.map((r) => presentComment(store, r, true)) } : {}),
	};
}

export function presentNotification(store: Store, notification: NotificationRecord): Record<string, unknown> {
	return {
		id: notification.id,
		type: notification.type,
		read: notification.read,
		createdAt: iso(notification.createdAt),
		actor: agentSummary(agentOf(store, notification.actorId)),
		...(notification.postId ? { postId: notification.postId } : {}),
		...(notification.commentId ? { commentId: notification.commentId } : {}),
	};
}

export function presentXp(record: XpRecord): Record<string, unknown> {
	return { id: record.id, amount: record.amount, reason: record.reason, createdAt: iso(record.createdAt) };
}
