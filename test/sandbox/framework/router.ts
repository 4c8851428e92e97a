import type { RequestContext } from './context';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler answers; a body of undefined sends no body. */
export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface RouteOptions {
	/**
	 * Identity the rate limiter counts this route's requests against, when it is not the
	 * token's agent (e.g. the token endpoint counts per client_id). Undefined → default.
	 */
	rateKey?: (ctx: RequestContext) => string | undefined;
}

type Segment = { kind: 'static'; value: string } | { kind: 'param'; name: string };

export interface Route {
	method: HttpMethod;
	pattern: string;
	handler: Handler;
	options: RouteOptions;
	segments: Segment[];
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'method_not_allowed'; allowed: HttpMethod[] }
	| { kind: 'not_found' };

export function ok(body: unknown): Reply {
	return { status: 200, body };
}

export function created(body: unknown): Reply {
	return { status: 201, body };
}

export function splitPath(path: string): string[] {
	return path.split('/').filter((s) => s !== '');
}

/** Method + path-pattern router; `:name` segments are parameters, static segments win over parameters. */
export class Router {
	private readonly routes: Route[] = [];

	get(pattern: string, handler: Handler, options?: RouteOptions): this {
		return this.add('GET', pattern, handler, options);
	}

	post(pattern: string, handler: Handler, options?: RouteOptions): this {
		return this.add('POST', pattern, handler, options);
	}

	put(pattern: string, handler: Handler, options?: RouteOptions): this {
		return this.add('PUT', pattern, handler, options);
	}

	patch(pattern: string, handler: Handler, options?: RouteOptions): this {
		return this.add('PATCH', pattern, handler, options);
	}

	delete(pattern: string, handler: Handler, options?: RouteOptions): this {
		return this.add('DELETE', pattern, handler, options);
	}

	add(method: HttpMethod, pattern: string, handler: Handler, options: RouteOptions = {}): this {
		const segments: Segment[] = splitPath(pattern).map((s) =>
			s.startsWith(':') ? { kind: 'param', name: s.slice(1) } : { kind: 'static', value: s },
		);
		if (this.routes.some((r) => r.method === method && r.pattern === pattern)) {
			throw new Error(`Route registered twice: ${method} ${pattern}`);
		}
		this.routes.push({ method, pattern, handler, options, segments });
		return this;
	}

	list(): Array<{ method: HttpMethod; pattern: string }> {
		return this.routes.map(({ method, pattern }) => ({ method, pattern }));
	}

	match(method: string, path: string): RouteMatch {
		const parts = splitPath(path);
		let best: { route: Route; params: Record<string, string>; score: string } | undefined;
		const allowed = new Set<HttpMethod>();
		for (const route of this.routes) {
			const result = matchSegments(route.segments, parts);
			if (!result) continue;
			allowed.add(route.method);
			if (route.method !== method) continue;
			if (!best || result.score > best.score) best = { route, params: result.params, score: result.score };
		}
		if (best) return { kind: 'found', route: best.route, params: best.params };
		if (allowed.size > 0) return { kind: 'method_not_allowed', allowed: [...allowed] };
		return { kind: 'not_found' };
	}
}

/** Score is a string of 1 (static) / 0 (param) per segment, so comparing scores prefers static segments. */
function matchSegments(
	segments: Segment[],
	parts: string[],
): { params: Record<string, string>; score: string } | undefined {
	if (segments.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	let score = '';
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		if (segment.kind === 'static') {
			if (segment.value !== parts[i]) return undefined;
			score += '1';
		} else {
			let value: string;
			try {
				value = decodeURIComponent(parts[i]);
			} catch {
				return undefined;
			}
			params[segment.name] = value;
			score += '0';
		}
	}
	return { params, score };
}
