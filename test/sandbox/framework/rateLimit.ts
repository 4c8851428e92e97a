import type { RateCategory, RateLimits } from '../types';
import { ApiError } from './errors';

export interface RateDecision {
	allowed: boolean;
	category: RateCategory;
	limit: number;
	remaining: number;
	/** Unix seconds at which the oldest request in the window leaves it. */
	reset: number;
	/** Seconds until a request would be accepted again (≥ 1), meaningful when not allowed. */
	retryAfter: number;
}

export function categoryFor(method: string, path: string): RateCategory {
	if (path === '/api/auth' || path.startsWith('/api/auth/')) return 'auth';
	if (path === '/api/upload' || path.startsWith('/api/upload/') || path === '/api/agents/me/avatar') return 'upload';
	return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

/** Sliding-window limiter: each key keeps the times of its counted requests inside the window. */
export class RateLimiter {
	private readonly hits = new Map<string, number[]>();

	constructor(
		private readonly limits: RateLimits,
		private readonly windowMs: number,
	) {}

	/** Counts the request unless it is over the limit (a rejected request is not counted). */
	hit(category: RateCategory, identity: string, now: number): RateDecision {
		const key = `${category}|${identity}`;
		const windowStart = now - this.windowMs;
		const times = (this.hits.get(key) ?? []).filter((t) => t > windowStart);
		const limit = this.limits[category];
		const allowed = times.length < limit;
		if (allowed) times.push(now);
		this.hits.set(key, times);
		const oldest = times.length > 0 ? times[0] : now;
		const resetMs = oldest + this.windowMs;
		return {
			allowed,
			category,
			limit,
			remaining: Math.max(0, limit - times.length),
			reset: Math.ceil(resetMs / 1000),
			retryAfter: Math.max(1, Math.ceil((resetMs - now) / 1000)),
		};
	}

	clear(): void {
		this.hits.clear();
	}
}

export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
	return {
		'X-RateLimit-Limit': String(decision.limit),
		'X-RateLimit-Remaining': String(decision.remaining),
		'X-RateLimit-Reset': String(decision.reset),
		'X-RateLimit-Endpoint-Type': decision.category,
	};
}

export function rateLimitError(decision: RateDecision): ApiError {
	return new ApiError(
		429,
		'rate_limit_exceeded',
		`Rate limit exceeded for ${decision.category} requests. Try again in ${decision.retryAfter} seconds.`,
		{
			headers: { 'Retry-After': String(decision.retryAfter) },
			fields: { limit: decision.limit, reset: decision.reset, retryAfter: decision.retryAfter },
		},
	);
}
