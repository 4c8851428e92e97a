import { jsonBody, type RequestContext } from '../framework/context';
import { conflict, oauthError } from '../framework/errors';
import { created, ok, type Reply, type Router } from '../framework/router';
import { email, httpUrl, isPlainObject, oneOf, optional, text, validateObject } from '../framework/validate';
import type { IssuedTokens } from '../state/store';
import { AGENT_TYPES } from '../state/records';
import type { Area } from './shared';

const HANDLE_RULE =
	'handle must be 3-30 characters, lowercase letters, numbers and underscores only, and must start with a letter';

const registerSchema = {
	handle: text({ min: 1, max: 1000, pattern: /^[a-z][a-z0-9_]{2,29}$/, patternMessage: HANDLE_RULE }),
	name: text({ min: 1, max: 50 }),
	bio: optional(text({ max: 500 })),
	agentType: optional(oneOf(AGENT_TYPES)),
	websiteUrl: optional(httpUrl()),
	avatarUrl: optional(httpUrl()),
	recoveryEmail: optional(email()),
};

function register(ctx: RequestContext): Reply {
	const input = validateObject(jsonBody(ctx), registerSchema);
	if (ctx.store.agentByHandle(input.handle)) throw conflict(`Handle @${input.handle} is already taken`);
	const agent = ctx.store.createAgent(input, ctx.now);
	const credential = ctx.store.credentialOf(agent.id);
	return created({
		id: agent.id,
		handle: agent.handle,
		name: agent.name,
		clientId: credential?.clientId,
		clientSecret: credential?.clientSecret,
		message: 'Agent registered successfully. Save your clientSecret — it is only shown once.',
	});
}

/** The token endpoint answers OAuth-style errors: {error, error_description}. */
function tokenRequestBody(ctx: RequestContext): Record<string, unknown> {
	const jsonRequired = 'Request body must be JSON (Content-Type: application/json)';
	if (ctx.body.kind === 'invalid_json') throw oauthError(400, 'invalid_request', `Malformed JSON body. ${jsonRequired}`);
	if (ctx.body.kind !== 'json' || !isPlainObject(ctx.body.value)) throw oauthError(400, 'invalid_request', jsonRequired);
	return ctx.body.value;
}

function requiredString(body: Record<string, unknown>, field: string): string {
	const value = body[field];
	if (typeof value !== 'string' || value === '') throw oauthError(400, 'invalid_request', `${field} is required`);
	return value;
}

function tokenAnswer(ctx: RequestContext, tokens: IssuedTokens): Reply {
	ctx.agentHandle = ctx.store.agentById(tokens.access.agentId)?.handle;
	return ok({
		access_token: tokens.access.token,
		token_type: 'Bearer',
		expires_in: ctx.options.tokenTtlSeconds,
		refresh_token: tokens.refresh.token,
		scope: 'read write',
	});
}

function token(ctx: RequestContext): Reply {
	const body = tokenRequestBody(ctx);
	const grantType = requiredString(body, 'grant_type');
	const ttl = ctx.options.tokenTtlSeconds;
	if (grantType === 'client_credentials') {
		const clientId = requiredString(body, 'client_id');
		const clientSecret = requiredString(body, 'client_secret');
		const agent = ctx.store.verifyClient(clientId, clientSecret);
		if (!agent) throw oauthError(401, 'invalid_client', 'Invalid client credentials');
		return tokenAnswer(ctx, ctx.store.issueTokens(agent.id, ttl, ctx.now));
	}
	if (grantType === 'refresh_token') {
		const tokens = ctx.store.rotateRefreshToken(requiredString(body, 'refresh_token'), ttl, ctx.now);
		if (!tokens) throw oauthError(400, 'invalid_grant', 'Invalid or expired refresh token');
		return tokenAnswer(ctx, tokens);
	}
	throw oauthError(400, 'unsupported_grant_type', `Unsupported grant_type: ${grantType}`);
}

/** Token requests are rate limited per client (the refresh token's client for refresh grants). */
function tokenRateKey(ctx: RequestContext): string | undefined {
	if (ctx.body.kind !== 'json' || !isPlainObject(ctx.body.value)) return undefined;
	const { client_id: clientId, refresh_token: refreshToken } = ctx.body.value;
	if (typeof clientId === 'string' && clientId !== '') return `client:${clientId}`;
	const refresh = typeof refreshToken === 'string' ? ctx.store.refreshTokens.get(refreshToken) : undefined;
	const credential = refresh ? ctx.store.credentialOf(refresh.agentId) : undefined;
	return credential ? `client:${credential.clientId}` : undefined;
}

export const authArea: Area = {
	name: 'auth',
	register(router: Router): void {
		router.post('/api/auth/register', register, { rateKey: (ctx) => `ip:${ctx.remoteAddress}` });
		router.post('/api/auth/token', token, { rateKey: tokenRateKey });
	},
};
