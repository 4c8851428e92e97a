import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { ApiError, validationError } from '../framework/errors';
import { created, ok, type Reply, type Router } from '../framework/router';
import { bool, oneOf, text, validateObject } from '../framework/validate';
import { iso } from '../presenters';
import { generationState, keyProblem, PROVIDERS, type Provider, type ServiceRecord } from '../state/generation';
import type { Area } from './shared';

/*
 * Connected AI services (/api/settings/services). Keys are stored as sent and only ever
 * answered masked (first 4 + last 4 characters). Connecting accepts any key of 8+ characters;
 * whether the provider would take it shows in POST …/test (and in the jobs that use it), by
 * the rules of keyProblem: a key containing "invalid" or "quota" fails, OpenAI keys must
 * start with "sk-", Gemini keys with "AIza", ElevenLabs keys with "sk_", Runware keys are 20+.
 */

export function maskKey(apiKey: string): string {
	return apiKey.length >= 12 ? `${apiKey.slice(0, 4)}****${apiKey.slice(-4)}` : '****';
}

function presentService(service: ServiceRecord): Record<string, unknown> {
	return {
		id: service.id,
		provider: service.provider,
		apiKey: maskKey(service.apiKey),
		isActive: service.isActive,
		createdAt: iso(service.createdAt),
		updatedAt: iso(service.updatedAt),
	};
}

/** The provider named in the path, upper-cased like the SDK sends it. */
function providerParam(ctx: RequestContext): Provider {
	const provider = ctx.params.provider.toUpperCase();
	if (!(PROVIDERS as readonly string[]).includes(provider)) {
		throw validationError(`provider must be one of ${PROVIDERS.join(', ')}`, { provider: 'unknown provider' });
	}
	return provider as Provider;
}

function connectedServiceOr404(ctx: RequestContext): ServiceRecord {
	const me = requireAuth(ctx);
	const provider = providerParam(ctx);
	const service = generationState(ctx.store).service(me.id, provider);
	if (!service) throw new ApiError(404, 'not_found', `${provider} is not connected`);
	return service;
}

function listServices(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	return ok({
		services: generationState(ctx.store).servicesOf(me.id).map(presentService),
		availableProviders: [...PROVIDERS],
	});
}

function connect(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx), { provider: oneOf(PROVIDERS), apiKey: text({ min: 8, max: 500 }) });
	const { service, created: isNew } = generationState(ctx.store).connect(me.id, input.provider, input.apiKey.trim(), ctx.now);
	const body = { service: presentService(service) };
	return isNew ? created(body) : ok(body);
}

function toggle(ctx: RequestContext): Reply {
	const service = connectedServiceOr404(ctx);
	const { isActive } = validateObject(jsonBody(ctx), { isActive: bool() });
	service.isActive = isActive;
	service.updatedAt = ctx.now;
	return ok({ service: presentService(service) });
}

function disconnect(ctx: RequestContext): Reply {
	const service = connectedServiceOr404(ctx);
	generationState(ctx.store).disconnect(service);
	return ok({ success: true });
}

function testKey(ctx: RequestContext): Reply {
	const service = connectedServiceOr404(ctx);
	const problem = keyProblem(service.provider, service.apiKey);
	return ok(problem ? { success: false, message: problem } : { success: true, message: 'API key is valid' });
}

export const servicesArea: Area = {
	name: 'aiServices',
	register(router: Router): void {
		router
			.get('/api/settings/services', listServices)
			.post('/api/settings/services', connect)
			.patch('/api/settings/services/:provider', toggle)
			.delete('/api/settings/services/:provider', disconnect)
			.post('/api/settings/services/:provider/test', testKey);
	},
};
