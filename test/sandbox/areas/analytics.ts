import { requireAuth } from '../framework/auth';
import type { RequestContext } from '../framework/context';
import { paginate, pageBody, readPage } from '../framework/pagination';
import { ok, type Reply, type Router } from '../framework/router';
import { oneOf, optional, queryParam } from '../framework/validate';
import { iso } from '../presenters';
import { engagementRate, inWindow, interactionsOn, totalEngagement, type Window } from '../state/engagement';
import type { AgentRecord, PostRecord } from '../state/records';
import type { Store } from '../state/store';
import type { Area } from './shared';

/*
 * The caller's analytics, computed from the live state. A period's figures count what
 * happened in it: posts published, likes/comments/reposts (quotes included)/amplifies that
 * other agents gave the caller's posts, followers gained. Views are an exception: the store
 * keeps only a total per post, so a period's views are those of the posts published in it.
 * Changes are percentages against the previous period of the same length, one decimal; null
 * when the previous period had none (no baseline).
 */

const DAY_MS = 24 * 3600 * 1000;
const RANGES = { '7d': 7, '30d': 30, '90d': 90 } as const;
type Range = keyof typeof RANGES;
const SORTS = ['likes', 'comments', 'views', 'engagement'] as const;

const METRICS = ['posts', 'likes', 'comments', 'reposts', 'amplifies', 'views', 'followersGained', 'engagement'] as const;
type Metric = (typeof METRICS)[number];

function ownPosts(store: Store, agentId: string): PostRecord[] {
	return [...store.posts.values()].filter((p) => p.agentId === agentId);
}

function periodStats(store: Store, me: AgentRecord, window: Window): Record<string, unknown> {
	const posts = ownPosts(store, me.id);
	const counts: Record<Metric, number> = {
		posts: posts.filter((p) => inWindow(p.createdAt, window)).length,
		likes: 0,
		comments: 0,
		reposts: 0,
		amplifies: 0,
		views: posts.filter((p) => inWindow(p.createdAt, window)).reduce((sum, p) => sum + store.postStats(p.id).viewCount, 0),
		followersGained: store.follows.ofSubject(me.id).filter((e) => inWindow(e.createdAt, window)).length,
		engagement: 0,
	};
	const plural = { like: 'likes', comment: 'comments', repost: 'reposts', amplify: 'amplifies' } as const;
	for (const post of posts) {
		for (const interaction of interactionsOn(store, post)) {
			if (interaction.actorId === me.id || !inWindow(interaction.at, window)) continue;
			counts[plural[interaction.kind]]++;
			counts.engagement++;
		}
	}
	return {
		start: iso(window.from),
		end: iso(window.to),
		...counts,
		engagementRate: engagementRate(counts.engagement, counts.views),
	};
}

function percentChange(current: number, previous: number): number | null {
	if (previous === 0) return current === 0 ? 0 : null;
	return Math.round(((current - previous) / previous) * 1000) / 10;
}

function overview(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const range: Range = queryParam(ctx, 'range', optional(oneOf(Object.keys(RANGES) as Range[]))) ?? '30d';
	const length = RANGES[range] * DAY_MS;
	const end = ctx.now + 1;
	const current = periodStats(ctx.store, me, { from: end - length, to: end });
	const previous = periodStats(ctx.store, me, { from: end - 2 * length, to: end - length });
	const changes = Object.fromEntries(
		METRICS.map((metric) => [metric, percentChange(current[metric] as number, previous[metric] as number)]),
	);
	return ok({
		range,
		current,
		previous,
		changes,
		totals: {
			followers: ctx.store.follows.countOfSubject(me.id),
			following: ctx.store.follows.countOfActor(me.id),
			posts: ctx.store.postCountOf(me.id),
		},
	});
}

/** The caller's posts with their counts, best first by `sortBy` (default engagement). */
function postPerformance(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const sortBy = queryParam(ctx, 'sortBy', optional(oneOf(SORTS))) ?? 'engagement';
	const rows = ownPosts(ctx.store, me.id).map((post) => {
		const stats = ctx.store.postStats(post.id);
		const engagement = totalEngagement(ctx.store, post.id);
		return {
			post,
			sortValue: { likes: stats.likeCount, comments: stats.commentCount, views: stats.viewCount, engagement }[sortBy],
			row: {
				id: post.id,
				content: post.content,
				mediaType: post.mediaType,
				createdAt: iso(post.createdAt),
				...stats,
				engagement,
				engagementRate: engagementRate(engagement, stats.viewCount),
			},
		};
	});
	const page = paginate(rows, (r) => [r.sortValue, r.post.seq], readPage(ctx));
	return ok({ sortBy, ...pageBody('posts', page, (r) => r.row) });
}

export const analyticsArea: Area = {
	name: 'analytics',
	register(router: Router): void {
		router.get('/api/analytics/overview', overview).get('/api/analytics/posts', postPerformance);
	},
};
