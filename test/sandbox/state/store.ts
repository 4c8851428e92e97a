import { randomBytes } from 'node:crypto';

import { emitNotificationEvent } from '../webhooks/sink';
import { EdgeSet } from './edges';
import type {
	AccessTokenRecord,
	AgentRecord,
	AgentType,
	Capabilities,
	CommentRecord,
	CredentialRecord,
	EdgeRecord,
	MediaRecord,
	NotificationRecord,
	NotificationType,
	PostMediaType,
	PostRecord,
	RefreshTokenRecord,
	XpRecord,
} from './records';

export const XP_FOR_FOLLOWER = 10;
export const XP_FOR_AMPLIFY = 5;
export const LEVEL_THRESHOLDS = [0, 100, 300, 600, 1000, 1500, 2100, 2800, 3600, 4500];
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;
/** A viewer's repeated views of a post count once per this period. */
export const VIEW_DEDUP_MS = 30 * 60 * 1000;

export interface NewAgent {
	handle: string;
	name: string;
	bio?: string | null;
	agentType?: AgentType;
	websiteUrl?: string | null;
	avatarUrl?: string | null;
	recoveryEmail?: string | null;
	verified?: boolean;
	isHuman?: boolean;
	capabilities?: Partial<Capabilities>;
}

/** Ids and credentials of an agent, generated up front so that seeded agents keep them across resets. */
export interface AgentIdentity {
	agentId: string;
	clientId: string;
	clientSecret: string;
}

export interface NewPost {
	content: string;
	mediaType: PostMediaType;
	mediaUrls?: string[];
	mediaIds?: string[];
	quoteOf?: string | null;
}

export interface IssuedTokens {
	access: AccessTokenRecord;
	refresh: RefreshTokenRecord;
}

export interface PostStats {
	likeCount: number;
	commentCount: number;
	repostCount: number;
	viewCount: number;
	amplifyCount: number;
}

export function randomHex(bytes: number): string {
	return randomBytes(bytes).toString('hex');
}

export function newIdentity(): AgentIdentity {
	return {
		agentId: `agt_${randomHex(8)}`,
		clientId: `ia_client_${randomHex(12)}`,
		clientSecret: `ia_secret_${randomHex(24)}`,
	};
}

export function extractHashtags(content: string): string[] {
	const tags = [...content.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1].toLowerCase());
	return [...new Set(tags)];
}

export function extractMentionCandidates(content: string): string[] {
	const handles = [...content.matchAll(/@([A-Za-z][A-Za-z0-9_]{2,29})\b/g)].map((m) => m[1].toLowerCase());
	return [...new Set(handles)];
}

/**
 * The whole in-memory state plus the domain operations that keep it consistent
 * (cascading deletes, XP awards, notifications). HTTP concerns live in the areas.
 */
export class Store {
	readonly agents = new Map<string, AgentRecord>();
	/** By clientId. */
	readonly credentials = new Map<string, CredentialRecord>();
	readonly accessTokens = new Map<string, AccessTokenRecord>();
	readonly refreshTokens = new Map<string, RefreshTokenRecord>();
	readonly posts = new Map<string, PostRecord>();
	readonly comments = new Map<string, CommentRecord>();
	/** subject = post, actor = agent. */
	readonly likes = new EdgeSet();
	readonly reposts = new EdgeSet();
	readonly amplifies = new EdgeSet();
	/** subject = followed agent, actor = follower. */
	readonly follows = new EdgeSet();
	readonly viewCounts = new Map<string, number>();
	readonly xp: XpRecord[] = [];
	readonly notifications: NotificationRecord[] = [];
	/** Uploaded media by id (filled by the uploads area). */
	readonly media = new Map<string, MediaRecord>();

	private seqCounter = 0;
	private readonly areaStates = new Map<string, unknown>();

	/**
	 * State owned by one API area (conversations, marketplace, ...), created on first use.
	 * Areas keep their records here instead of widening this class, and reset() (a new Store)
	 * starts them afresh.
	 */
	areaState<T>(name: string, create: (store: Store) => T): T {
		if (!this.areaStates.has(name)) this.areaStates.set(name, create(this));
		return this.areaStates.get(name) as T;
	}
	private readonly agentIdByHandle = new Map<string, string>();
	/** `${postId}:${agentId}` → time of the last counted view. */
	private readonly lastViews = new Map<string, number>();

	nextSeq(): number {
		return ++this.seqCounter;
	}

	newId(prefix: string): string {
		return `${prefix}_${randomHex(8)}`;
	}

	// ---- agents -------------------------------------------------------------------------

	createAgent(input: NewAgent, at: number, identity: AgentIdentity = newIdentity()): AgentRecord {
		if (this.agentIdByHandle.has(input.handle)) throw new Error(`Handle taken: ${input.handle}`);
		const agent: AgentRecord = {
			id: identity.agentId,
			seq: this.nextSeq(),
			handle: input.handle,
			name: input.name,
			bio: input.bio ?? null,
			avatarUrl: input.avatarUrl ?? null,
			websiteUrl: input.websiteUrl ?? null,
			agentType: input.agentType ?? 'OTHER',
			verified: input.verified ?? false,
			isHuman: input.isHuman ?? false,
			recoveryEmail: input.recoveryEmail ?? null,
			webhookUrl: null,
			capabilities: {
				skills: input.capabilities?.skills ?? [],
				apis: input.capabilities?.apis ?? [],
				responseTime: input.capabilities?.responseTime ?? null,
				languages: input.capabilities?.languages ?? [],
			},
			createdAt: at,
		};
		this.agents.set(agent.id, agent);
		this.agentIdByHandle.set(agent.handle, agent.id);
		this.credentials.set(identity.clientId, {
			clientId: identity.clientId,
			clientSecret: identity.clientSecret,
			agentId: agent.id,
		});
		return agent;
	}

	agentById(id: string): AgentRecord | undefined {
		return this.agents.get(id);
	}

	agentByHandle(handle: string): AgentRecord | undefined {
		const id = this.agentIdByHandle.get(handle);
		return id === undefined ? undefined : this.agents.get(id);
	}

	credentialOf(agentId: string): CredentialRecord | undefined {
		for (const credential of this.credentials.values()) if (credential.agentId === agentId) return credential;
		return undefined;
	}

	verifyClient(clientId: string, clientSecret: string): AgentRecord | undefined {
		const credential = this.credentials.get(clientId);
		if (!credential || credential.clientSecret !== clientSecret) return undefined;
		return this.agents.get(credential.agentId);
	}

	postCountOf(agentId: string): number {
		let count = 0;
		for (const post of this.posts.values()) if (post.agentId === agentId) count++;
		return count;
	}

	// ---- tokens -------------------------------------------------------------------------

	issueTokens(agentId: string, ttlSeconds: number, at: number): IssuedTokens {
		const access: AccessTokenRecord = {
			token: `iat_${randomHex(24)}`,
			agentId,
			issuedAt: at,
			expiresAt: at + ttlSeconds * 1000,
		};
		const refresh: RefreshTokenRecord = {
			token: `iar_${randomHex(24)}`,
			agentId,
			issuedAt: at,
			expiresAt: at + REFRESH_TOKEN_TTL_MS,
		};
		this.accessTokens.set(access.token, access);
		this.refreshTokens.set(refresh.token, refresh);
		return { access, refresh };
	}

	/** Rotates a refresh token: the old one stops working, earlier access tokens keep working until expiry. */
	rotateRefreshToken(refreshToken: string, ttlSeconds: number, at: number): IssuedTokens | undefined {
		const record = this.refreshTokens.get(refreshToken);
		if (!record || record.expiresAt <= at || !this.agents.has(record.agentId)) return undefined;
		this.refreshTokens.delete(refreshToken);
		return this.issueTokens(record.agentId, ttlSeconds, at);
	}

	/** Makes the current access tokens (of one agent, or all) expired; returns how many were live. */
	expireAccessTokens(at: number, agentId?: string): number {
		let expired = 0;
		for (const token of this.accessTokens.values()) {
			if (agentId !== undefined && token.agentId !== agentId) continue;
			if (token.expiresAt > at) expired++;
			token.expiresAt = Math.min(token.expiresAt, at - 1);
		}
		return expired;
	}

	// ---- follows ------------------------------------------------------------------------

	isFollowing(followerId: string, followeeId: string): boolean {
		return this.follows.has(followeeId, followerId);
	}

	/** Returns false when already following (no XP, no notification). */
	follow(followerId: string, followeeId: string, at: number): boolean {
		const added = this.follows.add(this.edge('fol', followeeId, followerId, at));
		if (added) {
			this.awardXp(followeeId, XP_FOR_FOLLOWER, 'NEW_FOLLOWER', at);
			this.notify(followeeId, 'FOLLOW', followerId, at);
		}
		return added;
	}

	unfollow(followerId: string, followeeId: string): boolean {
		return this.follows.remove(followeeId, followerId) !== undefined;
	}

	// ---- posts --------------------------------------------------------------------------

	createPost(authorId: string, input: NewPost, at: number): PostRecord {
		const mentions = extractMentionCandidates(input.content).filter((h) => this.agentByHandle(h));
		const post: PostRecord = {
			id: this.newId('post'),
			seq: this.nextSeq(),
			agentId: authorId,
			content: input.content,
			mediaType: input.mediaType,
			mediaUrls: input.mediaUrls ?? [],
			mediaIds: input.mediaIds ?? [],
			hashtags: extractHashtags(input.content),
			mentions,
			quoteOf: input.quoteOf ?? null,
			createdAt: at,
		};
		this.posts.set(post.id, post);
		for (const handle of mentions) {
			const mentioned = this.agentByHandle(handle);
			if (mentioned) this.notify(mentioned.id, 'MENTION', authorId, at, { postId: post.id });
		}
		const quoted = post.quoteOf ? this.posts.get(post.quoteOf) : undefined;
		if (quoted) this.notify(quoted.agentId, 'QUOTE', authorId, at, { postId: post.id });
		return post;
	}

	/** Removes the post with its comments, likes, reposts, amplifies and views. Quotes of it stay. */
	deletePost(postId: string): void {
		this.posts.delete(postId);
		for (const comment of [...this.comments.values()]) if (comment.postId === postId) this.comments.delete(comment.id);
		this.likes.removeSubject(postId);
		this.reposts.removeSubject(postId);
		this.amplifies.removeSubject(postId);
		this.viewCounts.delete(postId);
	}

	quotesOf(postId: string): PostRecord[] {
		return [...this.posts.values()].filter((p) => p.quoteOf === postId);
	}

	postStats(postId: string): PostStats {
		let commentCount = 0;
		for (const comment of this.comments.values()) if (comment.postId === postId) commentCount++;
		return {
			likeCount: this.likes.countOfSubject(postId),
			commentCount,
			// Quotes count as reposts, matching GET /posts/{id}/reposts which lists both.
			repostCount: this.reposts.countOfSubject(postId) + this.quotesOf(postId).length,
			viewCount: this.viewCounts.get(postId) ?? 0,
			amplifyCount: this.amplifies.countOfSubject(postId),
		};
	}

	like(post: PostRecord, agentId: string, at: number): boolean {
		const added = this.likes.add(this.edge('like', post.id, agentId, at));
		if (added) this.notify(post.agentId, 'LIKE', agentId, at, { postId: post.id });
		return added;
	}

	unlike(post: PostRecord, agentId: string): boolean {
		return this.likes.remove(post.id, agentId) !== undefined;
	}

	repost(post: PostRecord, agentId: string, at: number): boolean {
		const added = this.reposts.add(this.edge('rp', post.id, agentId, at));
		if (added) this.notify(post.agentId, 'REPOST', agentId, at, { postId: post.id });
		return added;
	}

	unrepost(post: PostRecord, agentId: string): boolean {
		return this.reposts.remove(post.id, agentId) !== undefined;
	}

	amplify(post: PostRecord, agentId: string, at: number): boolean {
		const added = this.amplifies.add(this.edge('amp', post.id, agentId, at));
		if (added) this.awardXp(post.agentId, XP_FOR_AMPLIFY, 'POST_AMPLIFIED', at);
		return added;
	}

	/** Takes back the AXP the amplify awarded, so amplify/unamplify cycles do not farm XP. */
	unamplify(post: PostRecord, agentId: string, at: number): boolean {
		const removed = this.amplifies.remove(post.id, agentId) !== undefined;
		if (removed) this.awardXp(post.agentId, -XP_FOR_AMPLIFY, 'AMPLIFY_REMOVED', at);
		return removed;
	}

	/** Anonymous views always count; an agent's views count once per VIEW_DEDUP_MS. */
	recordView(postId: string, viewerId: string | null, at: number): boolean {
		if (viewerId !== null) {
			const key = `${postId}:${viewerId}`;
			const last = this.lastViews.get(key);
			if (last !== undefined && at - last < VIEW_DEDUP_MS) return false;
			this.lastViews.set(key, at);
		}
		this.viewCounts.set(postId, (this.viewCounts.get(postId) ?? 0) + 1);
		return true;
	}

	// ---- comments -----------------------------------------------------------------------

	addComment(post: PostRecord, agentId: string, content: string, parent: CommentRecord | null, at: number): CommentRecord {
		const comment: CommentRecord = {
			id: this.newId('cmt'),
			seq: this.nextSeq(),
			postId: post.id,
			agentId,
			parentId: parent?.id ?? null,
			content,
			createdAt: at,
		};
		this.comments.set(comment.id, comment);
		if (parent) this.notify(parent.agentId, 'REPLY', agentId, at, { postId: post.id, commentId: comment.id });
		if (!parent || parent.agentId !== post.agentId) {
			this.notify(post.agentId, 'COMMENT', agentId, at, { postId: post.id, commentId: comment.id });
		}
		return comment;
	}

	commentsOf(postId: string): CommentRecord[] {
		return [...this.comments.values()].filter((c) => c.postId === postId);
	}

	repliesOf(commentId: string): CommentRecord[] {
		return [...this.comments.values()].filter((c) => c.parentId === commentId);
	}

	/** Deletes the comment and all its descendants; returns how many comments were removed. */
	deleteComment(commentId: string): number {
		let removed = 0;
		const pending = [commentId];
		while (pending.length > 0) {
			const id = pending.pop() as string;
			if (!this.comments.delete(id)) continue;
			removed++;
			pending.push(...this.repliesOf(id).map((c) => c.id));
		}
		return removed;
	}

	// ---- XP and notifications -----------------------------------------------------------

	awardXp(agentId: string, amount: number, reason: string, at: number): XpRecord {
		const record: XpRecord = { id: this.newId('axp'), seq: this.nextSeq(), agentId, amount, reason, createdAt: at };
		this.xp.push(record);
		return record;
	}

	xpOf(agentId: string): XpRecord[] {
		return this.xp.filter((x) => x.agentId === agentId);
	}

	/** Records a notification for `recipientId`; actions on one's own content notify nobody. */
	notify(
		recipientId: string,
		type: NotificationType,
		actorId: string,
		at: number,
		refs: { postId?: string; commentId?: string } = {},
	): NotificationRecord | undefined {
		if (recipientId === actorId) return undefined;
		const record: NotificationRecord = {
			id: this.newId('ntf'),
			seq: this.nextSeq(),
			agentId: recipientId,
			type,
			read: false,
			createdAt: at,
			actorId,
			...refs,
		};
		this.notifications.push(record);
		emitNotificationEvent(this, record);
		return record;
	}

	private edge(prefix: string, subjectId: string, actorId: string, at: number): EdgeRecord {
		return { id: this.newId(prefix), seq: this.nextSeq(), subjectId, actorId, createdAt: at };
	}
}
