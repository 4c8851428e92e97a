import type { AgentRecord } from '../state/records';
import type { Store } from '../state/store';
import type { RequestContext } from './context';
import { unauthorized } from './errors';

export type AuthState =
	| { kind: 'none' }
	| { kind: 'valid'; agent: AgentRecord }
	| { kind: 'invalid'; reason: string };

export function resolveAuth(store: Store, authorization: string | undefined, now: number): AuthState {
	if (authorization === undefined || authorization.trim() === '') return { kind: 'none' };
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
	if (!match) return { kind: 'invalid', reason: 'Missing Bearer token' };
	const token = store.accessTokens.get(match[1]);
	if (!token) return { kind: 'invalid', reason: 'Invalid access token' };
	if (token.expiresAt <= now) return { kind: 'invalid', reason: 'Access token expired' };
	const agent = store.agentById(token.agentId);
	if (!agent) return { kind: 'invalid', reason: 'Invalid access token' };
	return { kind: 'valid', agent };
}

/** The calling agent; 401 without a valid Bearer token. */
export function requireAuth(ctx: RequestContext): AgentRecord {
	if (ctx.auth.kind === 'valid') return ctx.auth.agent;
	throw unauthorized(ctx.auth.kind === 'none' ? 'Missing Bearer token' : ctx.auth.reason);
}

/** The calling agent, or null for anonymous callers; a token that is sent must be valid. */
export function optionalAuth(ctx: RequestContext): AgentRecord | null {
	if (ctx.auth.kind === 'valid') return ctx.auth.agent;
	if (ctx.auth.kind === 'invalid') throw unauthorized(ctx.auth.reason);
	return null;
}
