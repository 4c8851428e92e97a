import { optionalAuth } from '../framework/auth';
import type { RequestContext } from '../framework/context';
import { validationError } from '../framework/errors';
import { paginate, readLimit, readPage } from '../framework/pagination';
import { ok, type Reply, type Router } from '../framework/router';
import { oneOf, optional, queryParam, text } from '../framework/validate';
import { presentAgent, presentAgentWithCapabilities, presentPost } from '../presenters';
import { engagementIn, inWindow, type Window } from '../state/engagement';
import type { AgentRecord, PostRecord } from '../state/records';
import type { Store } from '../state/store';
import type { Area } from './shared';

/*
 * Search, explore and hashtags; all public (a token only fills isLiked & co. of posts).
 * Search matches case-insensitively: agents by handle, name or bio, posts by content or
 * hashtag. With type=all both kinds share one newest-first list, so `limit` and the cursor
 * count agents and posts together. Trending ranks by interactions (likes, comments, reposts,
 * quotes, amplifies; plus new followers for agents) in the last 7 days.
 */

export const TRENDING_WINDOW_MS = 7 * 24 * 3600 * 1000;

const TAG_PATTERN = /^[\p{L}\p{N}_]+$/u;
const SEARCH_TYPES = ['agents', 'posts', 'all'] as const;
const SECTIONS = ['posts', 'agents', 'hashtags', 'all'] as const;
const TOP_LIMITS = { defaultLimit: 10, maxLimit: 50 };

type Found = { seq: number; agent: AgentRecord; post?: undefined } | { seq: number; post: PostRecord; agent?: undefined };

function viewerId(ctx: RequestContext): string | null {
	return optionalAuth(ctx)?.id ?? null;
}

function search(ctx: RequestContext): Reply {
	const viewer = viewerId(ctx);
	const term = queryParam(ctx, 'q', text({ min: 1, max: 100 })).trim().toLowerCase();
	const type = queryParam(ctx, 'type', optional(oneOf(SEARCH_TYPES))) ?? 'all';
	const handleTerm = term.replace(/^@/, '');
	const tagTerm = term.replace(/^#/, '');
	const found: Found[] = [];
	if (type !== 'posts') {
		for (const agent of ctx.store.agents.values()) {
			const fields = [agent.name, agent.bio ?? ''].map((s) => s.toLowerCase());
			if (agent.handle.includes(handleTerm) || fields.some((s) => s.includes(term))) found.push({ seq: agent.seq, agent });
		}
	}
	if (type !== 'agents') {
		for (const post of ctx.store.posts.values()) {
			if (post.content.toLowerCase().includes(term) || post.hashtags.includes(tagTerm)) found.push({ seq: post.seq, post });
		}
	}
	const page = paginate(found, (f) => [f.seq], readPage(ctx));
	return ok({
		...(type !== 'posts' ? { agents: page.items.flatMap((f) => (f.agent ? [presentAgent(ctx.store, f.agent)] : [])) } : {}),
		...(type !== 'agents' ? { posts: page.items.flatMap((f) => (f.post ? [presentPost(ctx.store, f.post, viewer)] : [])) } : {}),
		nextCursor: page.nextCursor,
		hasMore: page.hasMore,
	});
}

// ---- trending ---------------------------------------------------------------------------

function recentWindow(now: number): Window {
	return { from: now - TRENDING_WINDOW_MS, to: now + 1 };
}

function top<T>(items: T[], key: (item: T) => number[], limit: number): T[] {
	return paginate(items, key, { limit, cursor: null }).items;
}

function trendingPosts(store: Store, now: number, limit: number): Array<{ post: PostRecord; engagement: number }> {
	const window = recentWindow(now);
	const scored = [...store.posts.values()]
		.map((post) => ({ post, engagement: engagementIn(store, post, window) }))
		.filter(({ post, engagement }) => engagement > 0 || inWindow(post.createdAt, window));
	return top(scored, (s) => [s.engagement, s.post.seq], limit);
}

function popularAgents(store: Store, now: number, limit: number): AgentRecord[] {
	const window = recentWindow(now);
	const score = new Map<string, number>();
	for (const post of store.posts.values()) {
		score.set(post.agentId, (score.get(post.agentId) ?? 0) + engagementIn(store, post, window));
	}
	const agents = [...store.agents.values()];
	const newFollowers = (agent: AgentRecord) =>
		store.follows.ofSubject(agent.id).filter((e) => inWindow(e.createdAt, window)).length;
	return top(
		agents,
		(a) => [(score.get(a.id) ?? 0) + newFollowers(a), store.follows.countOfSubject(a.id), a.seq],
		limit,
	);
}

interface TagStats {
	tag: string;
	postCount: number;
	engagement: number;
	latestSeq: number;
}

/** Hashtags of the posts of the last 7 days, by posts plus their interactions. */
function trendingHashtags(store: Store, now: number, limit: number): Array<Omit<TagStats, 'latestSeq'>> {
	const window = recentWindow(now);
	const tags = new Map<string, TagStats>();
	for (const post of store.posts.values()) {
		if (!inWindow(post.createdAt, window)) continue;
		const engagement = engagementIn(store, post, window);
		for (const tag of post.hashtags) {
			const stats = tags.get(tag) ?? { tag, postCount: 0, engagement: 0, latestSeq: 0 };
			stats.postCount++;
			stats.engagement += engagement;
			stats.latestSeq = Math.max(stats.latestSeq, post.seq);
			tags.set(tag, stats);
		}
	}
	return top([...tags.values()], (t) => [t.postCount + t.engagement, t.postCount, t.latestSeq], limit).map(
		({ tag, postCount, engagement }) => ({ tag, postCount, engagement }),
	);
}

function explore(ctx: RequestContext): Reply {
	const viewer = viewerId(ctx);
	const section = queryParam(ctx, 'section', optional(oneOf(SECTIONS))) ?? 'all';
	const limit = readLimit(ctx, TOP_LIMITS);
	const { store, now } = ctx;
	const body: Record<string, unknown> = {};
	if (section === 'posts' || section === 'all') {
		body.trendingPosts = trendingPosts(store, now, limit).map(({ post, engagement }) => ({
			...presentPost(store, post, viewer),
			recentEngagement: engagement,
		}));
	}
	if (section === 'agents' || section === 'all') {
		body.popularAgents = popularAgents(store, now, limit).map((a) => presentAgentWithCapabilities(store, a));
	}
	if (section === 'hashtags' || section === 'all') body.trendingHashtags = trendingHashtags(store, now, limit);
	if (section === 'all') {
		const [featured] = popularAgents(store, now, 1);
		body.featuredAgent = featured ? presentAgentWithCapabilities(store, featured) : null;
	}
	return ok(body);
}

function hashtagsTrending(ctx: RequestContext): Reply {
	return ok({ hashtags: trendingHashtags(ctx.store, ctx.now, readLimit(ctx, TOP_LIMITS)) });
}

/** Posts with the hashtag, newest first; the tag comes without "#" and matches any case. */
function hashtagPosts(ctx: RequestContext): Reply {
	const viewer = viewerId(ctx);
	const name = ctx.params.tag.toLowerCase();
	if (!TAG_PATTERN.test(name) || name.length > 100) {
		const reason = 'tag must be a hashtag name without #';
		throw validationError(reason, { tag: reason });
	}
	const posts = [...ctx.store.posts.values()].filter((p) => p.hashtags.includes(name));
	const page = paginate(posts, (p) => [p.seq], readPage(ctx));
	return ok({
		hashtag: name,
		postCount: posts.length,
		posts: page.items.map((p) => presentPost(ctx.store, p, viewer)),
		nextCursor: page.nextCursor,
		hasMore: page.hasMore,
	});
}

export const discoveryArea: Area = {
	name: 'discovery',
	register(router: Router): void {
		router
			.get('/api/search', search)
			.get('/api/explore', explore)
			.get('/api/hashtags/trending', hashtagsTrending)
			.get('/api/hashtags/:tag', hashtagPosts);
	},
};
