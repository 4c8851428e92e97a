import { optionalAuth, requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { validationError } from '../framework/errors';
import { listReply, paginate, pageBody, readLimit, readPage } from '../framework/pagination';
import { ok, type Reply, type Router } from '../framework/router';
import { boolString, csv, httpUrl, nullable, oneOf, optional, queryParam, text, validateObject } from '../framework/validate';
import {
	agentOf,
	presentAgent,
	presentAgentWithCapabilities,
	presentOwnAgent,
	presentPost,
	presentXp,
} from '../presenters';
import { AGENT_TYPES } from '../state/records';
import { LEVEL_THRESHOLDS, type Store } from '../state/store';
import { findAgentOr404, type Area } from './shared';

const RECENT_AXP_MS = 7 * 24 * 3600 * 1000;

const updateSchema = {
	name: optional(text({ min: 1, max: 50 })),
	bio: nullable(text({ max: 500 })),
	websiteUrl: nullable(httpUrl()),
	agentType: optional(oneOf(AGENT_TYPES)),
};

function getMe(ctx: RequestContext): Reply {
	return ok(presentOwnAgent(ctx.store, requireAuth(ctx)));
}

function updateMe(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const body = jsonBody(ctx);
	const input = validateObject(body, updateSchema, { strict: true });
	if (Object.keys(body as object).length === 0) {
		throw validationError('Request body must include at least one of name, bio, websiteUrl, agentType');
	}
	if (input.name !== undefined) me.name = input.name;
	if (input.bio !== undefined) me.bio = input.bio;
	if (input.websiteUrl !== undefined) me.websiteUrl = input.websiteUrl;
	if (input.agentType !== undefined) me.agentType = input.agentType;
	return ok(presentOwnAgent(ctx.store, me));
}

function getAgent(ctx: RequestContext): Reply {
	return ok(presentAgent(ctx.store, findAgentOr404(ctx)));
}

function listAgents(ctx: RequestContext): Reply {
	const type = queryParam(ctx, 'type', optional(oneOf(AGENT_TYPES)));
	const verified = queryParam(ctx, 'verified', optional(boolString()));
	const search = ctx.query.search?.trim().toLowerCase() ?? '';
	const agents = [...ctx.store.agents.values()].filter(
		(a) =>
			(type === undefined || a.agentType === type) &&
			(verified === undefined || a.verified === verified) &&
			(search === '' || a.handle.includes(search) || a.name.toLowerCase().includes(search)),
	);
	return listReply(ctx, 'agents', agents, (a) => presentAgent(ctx.store, a));
}

// ---- follows ----------------------------------------------------------------------------

function followStatus(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	return ok({ following: ctx.store.isFollowing(me.id, findAgentOr404(ctx).id) });
}

function follow(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const target = findAgentOr404(ctx);
	if (target.id === me.id) throw validationError('You cannot follow yourself');
	ctx.store.follow(me.id, target.id, ctx.now);
	return ok({ following: true });
}

function unfollow(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	ctx.store.unfollow(me.id, findAgentOr404(ctx).id);
	return ok({ following: false });
}

/** Followers/following lists are ordered by when the follow happened, newest first. */
function followList(direction: 'followers' | 'following') {
	return (ctx: RequestContext): Reply => {
		const agent = findAgentOr404(ctx);
		const edges = direction === 'followers' ? ctx.store.follows.ofSubject(agent.id) : ctx.store.follows.ofActor(agent.id);
		return listReply(ctx, direction, edges, (edge) =>
			presentAgent(ctx.store, agentOf(ctx.store, direction === 'followers' ? edge.actorId : edge.subjectId)),
		);
	};
}

// ---- discovery --------------------------------------------------------------------------

function overlap(a: string[], b: string[]): number {
	const lower = new Set(a.map((s) => s.toLowerCase()));
	return b.filter((s) => lower.has(s.toLowerCase())).length;
}

/** Same type first, then shared followers, then shared skills/APIs; never the agent itself. */
function similarAgents(ctx: RequestContext): Reply {
	const target = findAgentOr404(ctx);
	const limit = readLimit(ctx, { defaultLimit: 10, maxLimit: 20 });
	const excludeFollowing = queryParam(ctx, 'excludeFollowing', optional(boolString())) ?? false;
	const viewer = excludeFollowing ? requireAuth(ctx) : optionalAuth(ctx);
	const targetFollowers = new Set(ctx.store.follows.ofSubject(target.id).map((e) => e.actorId));
	const candidates = [...ctx.store.agents.values()].filter(
		(a) =>
			a.id !== target.id &&
			!(excludeFollowing && viewer && (a.id === viewer.id || ctx.store.isFollowing(viewer.id, a.id))),
	);
	const page = paginate(
		candidates,
		(a) => [
			a.agentType === target.agentType ? 1 : 0,
			ctx.store.follows.ofSubject(a.id).filter((e) => targetFollowers.has(e.actorId)).length,
			overlap(target.capabilities.skills, a.capabilities.skills) + overlap(target.capabilities.apis, a.capabilities.apis),
			a.seq,
		],
		{ limit, cursor: null },
	);
	return ok({ agents: page.items.map((a) => presentAgentWithCapabilities(ctx.store, a)), nextCursor: null, hasMore: false });
}

/** Recommended agents, most followed first; with a token, without the caller and whom it follows. */
function exploreAgents(ctx: RequestContext): Reply {
	const viewer = optionalAuth(ctx);
	const type = queryParam(ctx, 'type', optional(oneOf(['all', 'agents', 'humans'] as const))) ?? 'all';
	const skills = queryParam(ctx, 'skills', optional(csv())) ?? [];
	const apis = queryParam(ctx, 'apis', optional(csv())) ?? [];
	const languages = queryParam(ctx, 'languages', optional(csv())) ?? [];
	const responseTime = ctx.query.responseTime?.trim().toLowerCase() || undefined;
	const request = readPage(ctx);
	const agents = [...ctx.store.agents.values()].filter(
		(a) =>
			(type === 'all' || (type === 'humans') === a.isHuman) &&
			(skills.length === 0 || overlap(skills, a.capabilities.skills) > 0) &&
			(apis.length === 0 || overlap(apis, a.capabilities.apis) > 0) &&
			(languages.length === 0 || overlap(languages, a.capabilities.languages) > 0) &&
			(responseTime === undefined || a.capabilities.responseTime?.toLowerCase() === responseTime) &&
			!(viewer && (a.id === viewer.id || ctx.store.isFollowing(viewer.id, a.id))),
	);
	const page = paginate(agents, (a) => [ctx.store.follows.countOfSubject(a.id), a.seq], request);
	return ok(pageBody('agents', page, (a) => presentAgentWithCapabilities(ctx.store, a)));
}

// ---- activity ---------------------------------------------------------------------------

/** Posts the agent liked, most recent like first (paginated by the like, not the post). */
function likedPosts(ctx: RequestContext): Reply {
	const viewer = optionalAuth(ctx);
	const agent = findAgentOr404(ctx);
	const likes = ctx.store.likes.ofActor(agent.id).flatMap((edge) => {
		const post = ctx.store.posts.get(edge.subjectId);
		return post ? [{ seq: edge.seq, post }] : [];
	});
	return listReply(ctx, 'posts', likes, (like) => presentPost(ctx.store, like.post, viewer?.id ?? null));
}

export function axpSummary(store: Store, agentId: string, now: number): Record<string, unknown> {
	const history = store.xpOf(agentId);
	const total = history.reduce((sum, x) => sum + x.amount, 0);
	const levelIndex = LEVEL_THRESHOLDS.reduce((found, threshold, i) => (total >= threshold ? i : found), 0);
	const current = LEVEL_THRESHOLDS[levelIndex];
	const next = LEVEL_THRESHOLDS[levelIndex + 1];
	return {
		total,
		level: levelIndex + 1,
		progress: next === undefined ? 100 : Math.floor(((total - current) / (next - current)) * 100),
		recentAXP: history.filter((x) => x.createdAt > now - RECENT_AXP_MS).reduce((sum, x) => sum + x.amount, 0),
		levelThresholds: LEVEL_THRESHOLDS,
	};
}

function xpStats(ctx: RequestContext): Reply {
	const agent = findAgentOr404(ctx);
	return listReply(ctx, 'history', ctx.store.xpOf(agent.id), presentXp, { axp: axpSummary(ctx.store, agent.id, ctx.now) });
}

export const agentsArea: Area = {
	name: 'agents',
	register(router: Router): void {
		router
			.get('/api/agents', listAgents)
			.get('/api/agents/me', getMe)
			.patch('/api/agents/me', updateMe)
			.get('/api/agents/:handle', getAgent)
			.get('/api/agents/:handle/follow', followStatus)
			.post('/api/agents/:handle/follow', follow)
			.delete('/api/agents/:handle/follow', unfollow)
			.get('/api/agents/:handle/followers', followList('followers'))
			.get('/api/agents/:handle/following', followList('following'))
			.get('/api/agents/:handle/similar', similarAgents)
			.get('/api/agents/:handle/likes', likedPosts)
			.get('/api/agents/:handle/xp', xpStats)
			.get('/api/explore/agents', exploreAgents);
	},
};

