import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { ApiError, notFound, validationError } from '../framework/errors';
import { listReply } from '../framework/pagination';
import { ok, type Reply, type Router } from '../framework/router';
import { FieldError, isPlainObject, oneOf, optional, queryParam, text, validateObject, type Rule } from '../framework/validate';
import { iso } from '../presenters';
import type { AgentRecord } from '../state/records';
import {
	CAPABILITIES,
	GENERATION_TYPES,
	generationState,
	MAX_ACTIVE_JOBS,
	MAX_RETRIES,
	PROVIDERS,
	RECENTLY_FAILED_MS,
	type GenerationType,
	type JobRecord,
	type Provider,
} from '../state/generation';
import type { Area } from './shared';

/*
 * AI generation (/api/generate). Starting answers 202 {jobId, status: "pending"}; the job then
 * moves one stage per `generationStageMs` (sandbox option) and, when completed, has created a
 * post. A 4th job while 3 are running is refused with 400 (not 429: nothing about it resolves
 * by waiting out a rate-limit window, and a 429 would make clients retry blindly).
 */

interface ModelInfo {
	id: string;
	name: string;
}

/** The first model of each list is the default. */
const MODELS: Record<Provider, Partial<Record<GenerationType, ModelInfo[]>>> = {
	OPENAI: {
		image: [
			{ id: 'gpt-image-1', name: 'GPT Image 1' },
			{ id: 'dall-e-3', name: 'DALL·E 3' },
			{ id: 'dall-e-2', name: 'DALL·E 2' },
		],
	},
	RUNWARE: {
		image: [
			{ id: 'runware:101@1', name: 'FLUX.1 [dev]' },
			{ id: 'runware:100@1', name: 'FLUX.1 [schnell]' },
		],
		video: [
			{ id: 'klingai:5@3', name: 'Kling 2.1 Master' },
			{ id: 'bytedance:1@1', name: 'Seedance 1.0 Lite' },
		],
	},
	GOOGLE_GEMINI: {
		image: [
			{ id: 'gemini-2.5-flash-image', name: 'Gemini 2.5 Flash Image' },
			{ id: 'imagen-4.0-generate-001', name: 'Imagen 4' },
		],
	},
	ELEVENLABS: {
		voice: [
			{ id: 'eleven_multilingual_v2', name: 'Eleven Multilingual v2' },
			{ id: 'eleven_flash_v2_5', name: 'Eleven Flash v2.5' },
		],
		sound_effect: [{ id: 'eleven_text_to_sound_v2', name: 'Eleven Text to Sound v2' }],
		music: [{ id: 'music_v1', name: 'Eleven Music v1' }],
	},
};

const VOICES = [
	{ voice_id: '21m00Tcm4TlvDq8ikWAM', name: 'Rachel', category: 'premade', gender: 'female', age: 'young', accent: 'american', use_case: 'narration' },
	{ voice_id: 'EXAVITQu4vr4xnSDxMaL', name: 'Sarah', category: 'premade', gender: 'female', age: 'young', accent: 'american', use_case: 'news' },
	{ voice_id: 'pNInz6obpgDQGcFmaJgB', name: 'Adam', category: 'premade', gender: 'male', age: 'middle aged', accent: 'american', use_case: 'narration' },
	{ voice_id: 'JBFqnCBsd6RMkjVDRZzb', name: 'George', category: 'premade', gender: 'male', age: 'middle aged', accent: 'british', use_case: 'narration' },
].map((voice) => ({ ...voice, preview_url: `https://storage.googleapis.com/eleven-public-prod/premade/voices/${voice.voice_id}/preview.mp3` }));

const DEFAULT_VOICE = VOICES[0].voice_id;

function modelsFor(provider: Provider, type: GenerationType): ModelInfo[] {
	return MODELS[provider][type] ?? [];
}

function unsupported(provider: Provider, type: GenerationType): ApiError {
	const reason = `${provider} does not support ${type} generation (it supports: ${CAPABILITIES[provider].join(', ')})`;
	return validationError(reason, { generationType: reason });
}

function stageMs(ctx: RequestContext): number {
	return ctx.options.generationStageMs;
}

function presentJob(job: JobRecord): Record<string, unknown> {
	return {
		id: job.id,
		postId: job.postId,
		provider: job.provider,
		type: job.type,
		prompt: job.prompt,
		content: job.content,
		model: job.model,
		status: job.status,
		errorMessage: job.errorMessage,
		retryCount: job.retryCount,
		resultUrl: job.resultUrl,
		createdAt: iso(job.createdAt),
		completedAt: job.completedAt === null ? null : iso(job.completedAt),
	};
}

/** A connected, active service for the provider, and room for one more running job. */
function checkCanRun(ctx: RequestContext, me: AgentRecord, provider: Provider): void {
	const state = generationState(ctx.store);
	const service = state.service(me.id, provider);
	if (!service) {
		throw validationError(`No ${provider} service is connected. Connect your ${provider} API key first (POST /api/settings/services).`);
	}
	if (!service.isActive) {
		throw validationError(`The ${provider} service is turned off. Turn it on first (PATCH /api/settings/services/${provider}).`);
	}
	const running = state.activeJobsOf(me.id, ctx.now, stageMs(ctx)).length;
	if (running >= MAX_ACTIVE_JOBS) {
		throw new ApiError(
			400,
			'too_many_jobs',
			`You already have ${running} generation jobs running (at most ${MAX_ACTIVE_JOBS} at a time). Wait for one to finish, then try again.`,
		);
	}
}

const paramsRule: Rule<Record<string, unknown> | undefined> = (value, field) => {
	if (value === undefined) return undefined;
	if (!isPlainObject(value)) throw new FieldError(`${field} must be an object`);
	return value;
};

const startSchema = {
	provider: oneOf(PROVIDERS),
	prompt: text({ min: 1, max: 1000 }),
	generationType: oneOf(GENERATION_TYPES),
	content: optional(text({ max: 500 })),
	model: optional(text({ min: 1, max: 200 })),
	params: paramsRule,
};

function start(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx), startSchema);
	const { provider, generationType: type } = input;
	if (!CAPABILITIES[provider].includes(type)) throw unsupported(provider, type);
	const models = modelsFor(provider, type);
	if (input.model !== undefined && !models.some((m) => m.id === input.model)) {
		const reason = `Unknown model "${input.model}" for ${provider} ${type}; see GET /api/generate/models`;
		throw validationError(reason, { model: reason });
	}
	const params = { ...input.params };
	if (provider === 'ELEVENLABS' && type === 'voice') {
		params.voice_id ??= DEFAULT_VOICE;
		if (!VOICES.some((v) => v.voice_id === params.voice_id)) {
			const reason = `Unknown voice_id "${String(params.voice_id)}"; see GET /api/generate/voices`;
			throw validationError(reason, { 'params.voice_id': reason });
		}
	}
	checkCanRun(ctx, me, provider);
	const job = generationState(ctx.store).createJob(
		{
			agentId: me.id,
			provider,
			type,
			prompt: input.prompt,
			content: input.content ?? null,
			model: input.model ?? models[0].id,
			params,
		},
		ctx.now,
	);
	return { status: 202, body: { jobId: job.id, status: job.status } };
}

/** Running jobs and those that failed in the last day; completed jobs are in the history only. */
function pending(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const jobs = generationState(ctx.store)
		.jobsOf(me.id, ctx.now, stageMs(ctx))
		.filter((j) => j.status !== 'completed' && (j.status !== 'failed' || ctx.now - (j.completedAt ?? 0) < RECENTLY_FAILED_MS))
		.reverse();
	return ok({ jobs: jobs.map(presentJob) });
}

function history(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	return listReply(ctx, 'jobs', generationState(ctx.store).jobsOf(me.id, ctx.now, stageMs(ctx)), presentJob);
}

function models(ctx: RequestContext): Reply {
	requireAuth(ctx);
	const provider = queryParam(ctx, 'provider', oneOf(PROVIDERS));
	const type = queryParam(ctx, 'type', optional(oneOf(GENERATION_TYPES)));
	if (type !== undefined && !CAPABILITIES[provider].includes(type)) throw unsupported(provider, type);
	const types = type === undefined ? CAPABILITIES[provider] : [type];
	return ok({
		models: types.flatMap((t) => modelsFor(provider, t).map((m, i) => ({ id: m.id, name: m.name, type: t, isDefault: i === 0 }))),
	});
}

/** The voices of the connected ElevenLabs account: an active ElevenLabs service is required. */
function voices(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const provider = queryParam(ctx, 'provider', oneOf(PROVIDERS));
	if (provider !== 'ELEVENLABS') {
		throw validationError('Voices are only available for ELEVENLABS', { provider: 'must be ELEVENLABS' });
	}
	const service = generationState(ctx.store).service(me.id, provider);
	if (!service?.isActive) {
		throw validationError('Connect (and turn on) an ELEVENLABS service to list its voices (POST /api/settings/services).');
	}
	return ok({ voices: VOICES });
}

function retry(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const state = generationState(ctx.store);
	const job = state.jobs.get(ctx.params.jobId);
	if (!job || job.agentId !== me.id) throw notFound('Generation job');
	state.advance(job, ctx.now, stageMs(ctx));
	if (job.status !== 'failed') {
		throw validationError(`Only failed jobs can be retried; this one is ${job.status}`);
	}
	if (job.retryCount >= MAX_RETRIES) {
		throw validationError(`This job was already retried ${MAX_RETRIES} times (the maximum). Start a new generation instead.`);
	}
	checkCanRun(ctx, me, job.provider);
	state.restart(job, ctx.now);
	return ok({ jobId: job.id, status: job.status, retryCount: job.retryCount });
}

export const generationArea: Area = {
	name: 'generation',
	register(router: Router): void {
		router
			.post('/api/generate', start)
			.get('/api/generate/pending', pending)
			.get('/api/generate/history', history)
			.get('/api/generate/models', models)
			.get('/api/generate/voices', voices)
			.post('/api/generate/:jobId/retry', retry);
	},
};
