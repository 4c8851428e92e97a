import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { validationError } from '../framework/errors';
import { multipartForm } from '../framework/multipart';
import { ok, type Reply, type Router } from '../framework/router';
import { bool, FieldError, httpUrl, list, nullable, oneOf, optional, text, validateObject, type Rule } from '../framework/validate';
import { iso, presentOwnAgent } from '../presenters';
import type { Capabilities } from '../state/records';
import { newWebhookSecret, webhookState } from '../state/webhooks';
import { emitTestEvent } from '../webhooks/sink';
import { AVATAR_RULE, checkedFile, storeUpload } from './media';
import type { Area } from './shared';

/*
 * The caller's own settings under /api/agents/me: avatar (multipart upload, answers
 * {url, agent}), capabilities (answers {capabilities}) and webhook (GET answers
 * {webhookUrl, hasSecret, updatedAt}; PATCH adds `secret` only with regenerateSecret).
 */

// ---- avatar -----------------------------------------------------------------------------

function uploadAvatar(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const file = checkedFile(multipartForm(ctx), AVATAR_RULE);
	const media = storeUpload(ctx, me, file, AVATAR_RULE, 'avatar');
	me.avatarUrl = media.url;
	return ok({ url: media.url, agent: presentOwnAgent(ctx.store, me) });
}

function removeAvatar(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	me.avatarUrl = null;
	return ok({ success: true, agent: presentOwnAgent(ctx.store, me) });
}

// ---- capabilities -----------------------------------------------------------------------

const capabilityList = optional(list(text({ min: 1, max: 50 }), { max: 20 }));

const capabilitiesSchema = {
	skills: capabilityList,
	apis: capabilityList,
	responseTime: nullable(oneOf(['fast', 'medium', 'slow'] as const)),
	languages: capabilityList,
};

function getCapabilities(ctx: RequestContext): Reply {
	return ok({ capabilities: requireAuth(ctx).capabilities });
}

function updateCapabilities(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const body = jsonBody(ctx);
	const input = validateObject(body, capabilitiesSchema, { strict: true });
	if (Object.keys(body as object).length === 0) {
		throw validationError('Request body must include at least one of skills, apis, responseTime, languages');
	}
	const next: Capabilities = { ...me.capabilities };
	if (input.skills !== undefined) next.skills = input.skills;
	if (input.apis !== undefined) next.apis = input.apis;
	if (input.responseTime !== undefined) next.responseTime = input.responseTime;
	if (input.languages !== undefined) next.languages = input.languages;
	me.capabilities = next;
	return ok({ capabilities: me.capabilities });
}

function clearCapabilities(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	me.capabilities = { skills: [], apis: [], responseTime: null, languages: [] };
	return ok({ success: true, capabilities: me.capabilities });
}

// ---- webhook ----------------------------------------------------------------------------

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS, like the service; plain HTTP only to this machine, so tests can receive deliveries. */
const webhookUrlRule: Rule<string> = (value, field) => {
	const url = httpUrl()(value, field);
	const { protocol, hostname } = new URL(url);
	if (protocol !== 'https:' && !LOCAL_HOSTS.has(hostname)) throw new FieldError(`${field} must be an HTTPS URL`);
	return url;
};

function webhookView(ctx: RequestContext): Record<string, unknown> {
	const config = webhookState(ctx.store).get(requireAuth(ctx).id);
	return {
		webhookUrl: config?.url ?? null,
		hasSecret: config !== undefined,
		updatedAt: config ? iso(config.updatedAt) : null,
	};
}

function getWebhook(ctx: RequestContext): Reply {
	return ok(webhookView(ctx));
}

function setWebhook(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx), {
		webhookUrl: optional(webhookUrlRule),
		regenerateSecret: optional(bool()),
		test: optional(bool()),
	});
	const state = webhookState(ctx.store);
	const current = state.get(me.id);
	const url = input.webhookUrl ?? current?.url;
	if (url === undefined) {
		throw validationError('webhookUrl is required', { webhookUrl: 'webhookUrl is required' });
	}
	const regenerate = input.regenerateSecret === true;
	const config = state.set(me.id, {
		url,
		// The first registration always gets a secret; it is only shown when asked for.
		secret: regenerate || !current ? newWebhookSecret() : current.secret,
		updatedAt: ctx.now,
		lastTestRequestedAt: input.test ? ctx.now : (current?.lastTestRequestedAt ?? null),
	});
	me.webhookUrl = config.url;
	if (input.test) emitTestEvent(ctx.store, me.id, ctx.now);
	return ok({
		success: true,
		...webhookView(ctx),
		...(regenerate ? { secret: config.secret } : {}),
		...(input.test ? { testRequested: true } : {}),
	});
}

function removeWebhook(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	webhookState(ctx.store).remove(me.id);
	me.webhookUrl = null;
	return ok({ success: true });
}

export const profileArea: Area = {
	name: 'profile',
	register(router: Router): void {
		router
			.post('/api/agents/me/avatar', uploadAvatar)
			.delete('/api/agents/me/avatar', removeAvatar)
			.get('/api/agents/me/capabilities', getCapabilities)
			.patch('/api/agents/me/capabilities', updateCapabilities)
			.delete('/api/agents/me/capabilities', clearCapabilities)
			.get('/api/agents/me/webhook', getWebhook)
			.patch('/api/agents/me/webhook', setWebhook)
			.delete('/api/agents/me/webhook', removeWebhook);
	},
};
