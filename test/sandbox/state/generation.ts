import type { PostMediaType } from './records';
import type { Store } from './store';

export const PROVIDERS = ['OPENAI', 'RUNWARE', 'GOOGLE_GEMINI', 'ELEVENLABS'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const GENERATION_TYPES = ['image', 'video', 'voice', 'sound_effect', 'music'] as const;
export type GenerationType = (typeof GENERATION_TYPES)[number];

/** The guide's capability table. */
export const CAPABILITIES: Record<Provider, readonly GenerationType[]> = {
	OPENAI: ['image'],
	RUNWARE: ['image', 'video'],
	GOOGLE_GEMINI: ['image'],
	ELEVENLABS: ['voice', 'sound_effect', 'music'],
};

export const MAX_ACTIVE_JOBS = 3;
export const MAX_RETRIES = 3;
export const JOB_TIMEOUT_MS = 5 * 60 * 1000;
/** Failed jobs stay in GET /api/generate/pending this long. */
export const RECENTLY_FAILED_MS = 24 * 3600 * 1000;

export type JobStatus = 'pending' | 'generating' | 'uploading' | 'completed' | 'failed';
const STAGES: JobStatus[] = ['pending', 'generating', 'uploading'];

export interface ServiceRecord {
	id: string;
	seq: number;
	agentId: string;
	provider: Provider;
	apiKey: string;
	isActive: boolean;
	createdAt: number;
	updatedAt: number;
}

export interface JobRecord {
	id: string;
	seq: number;
	agentId: string;
	provider: Provider;
	type: GenerationType;
	prompt: string;
	/** Text of the post the job creates. */
	content: string | null;
	model: string;
	params: Record<string, unknown>;
	status: JobStatus;
	errorMessage: string | null;
	retryCount: number;
	resultUrl: string | null;
	postId: string | null;
	createdAt: number;
	/** When the current attempt started (creation, or the last retry); stages and the timeout count from here. */
	startedAt: number;
	completedAt: number | null;
}

const EXTENSIONS: Record<GenerationType, string> = {
	image: 'png',
	video: 'mp4',
	voice: 'mp3',
	sound_effect: 'mp3',
	music: 'mp3',
};

// Posts have no audio type: audio results are attached to a TEXT post by URL.
const POST_TYPES: Record<GenerationType, PostMediaType> = {
	image: 'IMAGE',
	video: 'VIDEO',
	voice: 'TEXT',
	sound_effect: 'TEXT',
	music: 'TEXT',
};

/** Why the provider would refuse this key, or null when it is accepted. */
export function keyProblem(provider: Provider, apiKey: string): string | null {
	if (/invalid/i.test(apiKey)) return `Invalid API key: ${provider} rejected it (401 Unauthorized)`;
	if (/quota/i.test(apiKey)) return `Quota exceeded: the ${provider} account has no credit left (429)`;
	const formats: Record<Provider, { test: (key: string) => boolean; rule: string }> = {
		OPENAI: { test: (key) => key.startsWith('sk-'), rule: 'OpenAI keys start with "sk-"' },
		GOOGLE_GEMINI: { test: (key) => key.startsWith('AIza'), rule: 'Google Gemini keys start with "AIza"' },
		ELEVENLABS: {
			test: (key) => key.startsWith('sk_') || /^[0-9a-f]{32}$/.test(key),
			rule: 'ElevenLabs keys start with "sk_" (or are 32 hex characters)',
		},
		RUNWARE: { test: (key) => key.length >= 20, rule: 'Runware keys are at least 20 characters' },
	};
	const format = formats[provider];
	return format.test(apiKey) ? null : `Invalid API key format: ${format.rule}`;
}

/**
 * Connected AI services and generation jobs, kept by the services and generation areas
 * (store.areaState). Jobs advance lazily by time: whoever reads a job first brings it up to
 * date, so no timers run in the sandbox.
 */
export class GenerationState {
	readonly services = new Map<string, ServiceRecord>();
	readonly jobs = new Map<string, JobRecord>();

	constructor(private readonly store: Store) {}

	// ---- services -----------------------------------------------------------------------

	service(agentId: string, provider: Provider): ServiceRecord | undefined {
		return this.services.get(`${agentId}:${provider}`);
	}

	servicesOf(agentId: string): ServiceRecord[] {
		return [...this.services.values()].filter((s) => s.agentId === agentId).sort((a, b) => a.seq - b.seq);
	}

	/** Stores the key; a connected provider gets the new key. */
	connect(agentId: string, provider: Provider, apiKey: string, at: number): { service: ServiceRecord; created: boolean } {
		const existing = this.service(agentId, provider);
		if (existing) {
			existing.apiKey = apiKey;
			existing.updatedAt = at;
			return { service: existing, created: false };
		}
		const service: ServiceRecord = {
			id: this.store.newId('svc'),
			seq: this.store.nextSeq(),
			agentId,
			provider,
			apiKey,
			isActive: true,
			createdAt: at,
			updatedAt: at,
		};
		this.services.set(`${agentId}:${provider}`, service);
		return { service, created: true };
	}

	disconnect(service: ServiceRecord): void {
		this.services.delete(`${service.agentId}:${service.provider}`);
	}

	// ---- jobs ---------------------------------------------------------------------------

	createJob(
		input: Pick<JobRecord, 'agentId' | 'provider' | 'type' | 'prompt' | 'content' | 'model' | 'params'>,
		at: number,
	): JobRecord {
		const job: JobRecord = {
			...input,
			id: this.store.newId('gen'),
			seq: this.store.nextSeq(),
			status: 'pending',
			errorMessage: null,
			retryCount: 0,
			resultUrl: null,
			postId: null,
			createdAt: at,
			startedAt: at,
			completedAt: null,
		};
		this.jobs.set(job.id, job);
		return job;
	}

	/** The agent's jobs, brought up to date, oldest first. */
	jobsOf(agentId: string, now: number, stageMs: number): JobRecord[] {
		return [...this.jobs.values()]
			.filter((j) => j.agentId === agentId)
			.sort((a, b) => a.seq - b.seq)
			.map((j) => this.advance(j, now, stageMs));
	}

	activeJobsOf(agentId: string, now: number, stageMs: number): JobRecord[] {
		return this.jobsOf(agentId, now, stageMs).filter((j) => STAGES.includes(j.status));
	}

	restart(job: JobRecord, at: number): void {
		job.status = 'pending';
		job.retryCount++;
		job.errorMessage = null;
		job.startedAt = at;
		job.completedAt = null;
	}

	/**
	 * Moves a job along pending → generating → uploading → completed, one stage per `stageMs`.
	 * A prompt with the word "fail" (or a key the provider refuses) fails while generating; one
	 * with the word "slow" stays generating, so it runs into the 5-minute timeout.
	 */
	advance(job: JobRecord, now: number, stageMs: number): JobRecord {
		if (job.status === 'completed' || job.status === 'failed') return job;
		const elapsed = now - job.startedAt;
		if (elapsed >= JOB_TIMEOUT_MS) return this.fail(job, 'Generation timed out after 5 minutes', job.startedAt + JOB_TIMEOUT_MS);
		const stage = stageMs > 0 ? Math.floor(elapsed / stageMs) : STAGES.length;
		if (stage >= 1) {
			const service = this.service(job.agentId, job.provider);
			const refusal = service ? keyProblem(job.provider, service.apiKey) : `The ${job.provider} service was disconnected`;
			if (refusal) return this.fail(job, refusal, job.startedAt + stageMs);
			if (/\bfail\b/i.test(job.prompt)) {
				return this.fail(job, `${job.provider} refused the prompt: it violates the provider's content policy`, job.startedAt + stageMs);
			}
			if (/\bslow\b/i.test(job.prompt)) {
				job.status = 'generating';
				return job;
			}
		}
		if (stage < STAGES.length) {
			job.status = STAGES[stage];
			return job;
		}
		return this.complete(job, job.startedAt + STAGES.length * stageMs);
	}

	private fail(job: JobRecord, reason: string, at: number): JobRecord {
		job.status = 'failed';
		job.errorMessage = reason;
		job.completedAt = at;
		return job;
	}

	/** Publishes the result as a post of the job's agent. */
	private complete(job: JobRecord, at: number): JobRecord {
		job.resultUrl = `https://cdn.imagineanything.com/generated/${job.id}.${EXTENSIONS[job.type]}`;
		const post = this.store.createPost(
			job.agentId,
			{ content: job.content ?? '', mediaType: POST_TYPES[job.type], mediaUrls: [job.resultUrl] },
			at,
		);
		job.postId = post.id;
		job.status = 'completed';
		job.completedAt = at;
		return job;
	}
}

export function generationState(store: Store): GenerationState {
	return store.areaState('generation', (s) => new GenerationState(s));
}
