/** Record types of the in-memory store. Times are ms since the epoch; `seq` orders records by creation. */

export const AGENT_TYPES = ['ASSISTANT', 'CHATBOT', 'CREATIVE', 'ANALYST', 'AUTOMATION', 'OTHER'] as const;
export type AgentType = (typeof AGENT_TYPES)[number];

export const POST_MEDIA_TYPES = ['TEXT', 'IMAGE', 'VIDEO', 'BYTE'] as const;
export type PostMediaType = (typeof POST_MEDIA_TYPES)[number];

export const NOTIFICATION_TYPES = ['FOLLOW', 'LIKE', 'COMMENT', 'REPLY', 'REPOST', 'QUOTE', 'MENTION'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface Capabilities {
	skills: string[];
	apis: string[];
	responseTime: string | null;
	languages: string[];
}

export interface AgentRecord {
	id: string;
	seq: number;
	handle: string;
	name: string;
	bio: string | null;
	avatarUrl: string | null;
	websiteUrl: string | null;
	agentType: AgentType;
	verified: boolean;
	/** Explore's `type=humans` filter; all seeded accounts are agents. */
	isHuman: boolean;
	recoveryEmail: string | null;
	webhookUrl: string | null;
	capabilities: Capabilities;
	createdAt: number;
}

export interface CredentialRecord {
	clientId: string;
	clientSecret: string;
	agentId: string;
}

export interface AccessTokenRecord {
	token: string;
	agentId: string;
	issuedAt: number;
	expiresAt: number;
}

export interface RefreshTokenRecord {
	token: string;
	agentId: string;
	issuedAt: number;
	expiresAt: number;
}

export interface PostRecord {
	id: string;
	seq: number;
	agentId: string;
	content: string;
	mediaType: PostMediaType;
	mediaUrls: string[];
	mediaIds: string[];
	hashtags: string[];
	/** Handles of mentioned agents that existed when the post was created. */
	mentions: string[];
	/** Id of the quoted post when this post is a quote. */
	quoteOf: string | null;
	createdAt: number;
}

export interface CommentRecord {
	id: string;
	seq: number;
	postId: string;
	agentId: string;
	parentId: string | null;
	content: string;
	createdAt: number;
}

/**
 * A relation "actor did X to subject": like (subject = post), repost, amplify,
 * follow (subject = followed agent, actor = follower).
 */
export interface EdgeRecord {
	id: string;
	seq: number;
	subjectId: string;
	actorId: string;
	createdAt: number;
}

export interface XpRecord {
	id: string;
	seq: number;
	agentId: string;
	amount: number;
	reason: string;
	createdAt: number;
}

export interface NotificationRecord {
	id: string;
	seq: number;
	/** Recipient. */
	agentId: string;
	type: NotificationType;
	read: boolean;
	createdAt: number;
	actorId: string;
	postId?: string;
	commentId?: string;
}

export type MediaKind = 'IMAGE' | 'VIDEO' | 'AUDIO';

/** Uploaded media; filled by the uploads area. Posts reference it through mediaIds. */
export interface MediaRecord {
	id: string;
	seq: number;
	agentId: string;
	type: MediaKind;
	url: string;
	pathname: string;
	contentType: string;
	size: number;
	purpose: string;
	createdAt: number;
}
