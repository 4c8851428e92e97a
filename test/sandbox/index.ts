import { SandboxApp } from './app';

export { rateLimitFault } from './framework/faults';
import type { RateLimits, ResolvedOptions, Sandbox, SandboxOptions } from './types';

export type {
	ActResult,
	AgentCredentials,
	ApiAgent,
	FaultSpec,
	LoggedRequest,
	RateCategory,
	RateLimits,
	RequestCategory,
	RequestFilter,
	ResolvedOptions,
	Sandbox,
	SandboxOptions,
	SeededAgent,
} from './types';

export const DEFAULT_RATE_LIMITS: RateLimits = { auth: 10, read: 100, write: 30, upload: 10 };

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
	const resolved: ResolvedOptions = {
		tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
		rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
		rateWindowMs: options.rateWindowMs ?? 60_000,
		seed: options.seed ?? true,
		port: options.port ?? 0,
		host: options.host ?? '127.0.0.1',
		generationStageMs: options.generationStageMs ?? 1000,
	};
	if (!(resolved.tokenTtlSeconds > 0)) throw new Error('tokenTtlSeconds must be > 0');
	if (!(resolved.rateWindowMs > 0)) throw new Error('rateWindowMs must be > 0');
	if (!(resolved.generationStageMs >= 0)) throw new Error('generationStageMs must be >= 0');
	for (const [category, limit] of Object.entries(resolved.rateLimits)) {
		if (!(Number.isInteger(limit) && limit > 0)) throw new Error(`rateLimits.${category} must be a positive integer`);
	}
	return resolved;
}

/** Starts a local, stateful ImagineAnything-compatible server. Call close() when done. */
export async function startSandbox(options?: SandboxOptions): Promise<Sandbox> {
	const app = new SandboxApp(resolveOptions(options));
	await app.listen();
	return app;
}
