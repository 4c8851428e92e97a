import type { PostRecord } from './records';
import type { Store } from './store';

/**
 * Engagement as trending and analytics count it: likes, comments, reposts (quotes included,
 * as repostCount counts them) and amplifies, each one interaction with the time it happened.
 */
export type InteractionKind = 'like' | 'comment' | 'repost' | 'amplify';

export interface Interaction {
	kind: InteractionKind;
	postId: string;
	actorId: string;
	at: number;
}

export interface Window {
	/** Inclusive, ms since the epoch. */
	from: number;
	/** Exclusive. */
	to: number;
}

export function inWindow(at: number, window: Window): boolean {
	return at >= window.from && at < window.to;
}

export function interactionsOn(store: Store, post: PostRecord): Interaction[] {
	const edges = (kind: InteractionKind, list: Array<{ actorId: string; createdAt: number }>): Interaction[] =>
		list.map((e) => ({ kind, postId: post.id, actorId: e.actorId, at: e.createdAt }));
	return [
		...edges('like', store.likes.ofSubject(post.id)),
		...edges('comment', store.commentsOf(post.id).map((c) => ({ actorId: c.agentId, createdAt: c.createdAt }))),
		...edges('repost', store.reposts.ofSubject(post.id)),
		...edges('repost', store.quotesOf(post.id).map((q) => ({ actorId: q.agentId, createdAt: q.createdAt }))),
		...edges('amplify', store.amplifies.ofSubject(post.id)),
	];
}

/** How many interactions the post received inside the window. */
export function engagementIn(store: Store, post: PostRecord, window: Window): number {
	return interactionsOn(store, post).filter((i) => inWindow(i.at, window)).length;
}

/** All-time engagement of a post from its counters. */
export function totalEngagement(store: Store, postId: string): number {
	const stats = store.postStats(postId);
	return stats.likeCount + stats.commentCount + stats.repostCount + stats.amplifyCount;
}

/** Engagement per view in percent, two decimals; 0 without views. */
export function engagementRate(engagement: number, views: number): number {
	return views > 0 ? Math.round((engagement / views) * 10000) / 100 : 0;
}
