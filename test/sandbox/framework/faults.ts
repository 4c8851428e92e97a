import type { FaultSpec, RateCategory } from '../types';
import { ANSWER_SHAPES, isAnswerShape } from './shapes';
import { isPlainObject } from './validate';

interface ActiveFault {
	spec: FaultSpec;
	pathRegex: RegExp | null;
	/** Matching requests still to let through before the fault applies. */
	skip: number;
	/** Applications left; 0 = forever. */
	remaining: number;
}

/** Injected failures for API requests, matched in the order they were added. */
export class FaultInjector {
	private faults: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		const problem = faultSpecProblem(spec);
		if (problem) throw new Error(`Invalid fault: ${problem}`);
		this.faults.push({
			spec: { ...spec },
			pathRegex: spec.path.startsWith('^') ? new RegExp(spec.path) : null,
			skip: spec.after ?? 0,
			remaining: spec.times ?? 1,
		});
	}

	clear(): void {
		this.faults = [];
	}

	list(): FaultSpec[] {
		return this.faults.map((f) => ({ ...f.spec, times: f.remaining, after: f.skip }));
	}

	/**
	 * Returns and consumes the first fault matching the request, if any. A fault still
	 * counting down its `after` requests takes the request (so a later fault does not apply).
	 */
	take(method: string, path: string): FaultSpec | undefined {
		const index = this.faults.findIndex(
			(f) =>
				(f.spec.method === undefined || f.spec.method.toUpperCase() === method) &&
				(f.pathRegex ? f.pathRegex.test(path) : f.spec.path === path),
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		if (fault.skip > 0) {
			fault.skip--;
			return undefined;
		}
		if (fault.remaining > 0 && --fault.remaining === 0) this.faults.splice(index, 1);
		return fault.spec;
	}
}

/** Why a value is not a usable FaultSpec, or null when it is. */
export function faultSpecProblem(value: unknown): string | null {
	if (!isPlainObject(value)) return 'a fault must be an object';
	if (typeof value.path !== 'string' || value.path === '') return 'path is required';
	if (value.path.startsWith('^')) {
		try {
			new RegExp(value.path);
		} catch {
			return 'path is not a valid regular expression';
		}
	}
	if (value.method !== undefined && typeof value.method !== 'string') return 'method must be a string';
	if (value.status !== undefined && !(Number.isInteger(value.status) && Number(value.status) >= 100 && Number(value.status) <= 599)) {
		return 'status must be an HTTP status code';
	}
	if (value.delayMs !== undefined && !(typeof value.delayMs === 'number' && value.delayMs >= 0)) return 'delayMs must be a number ≥ 0';
	if (value.times !== undefined && !(Number.isInteger(value.times) && Number(value.times) >= 0)) return 'times must be an integer ≥ 0';
	if (value.after !== undefined && !(Number.isInteger(value.after) && Number(value.after) >= 0)) return 'after must be an integer ≥ 0';
	if (value.reset !== undefined && typeof value.reset !== 'boolean') return 'reset must be a boolean';
	if (value.stage !== undefined && value.stage !== 'request' && value.stage !== 'answer') return 'stage must be "request" or "answer"';
	if (value.truncate !== undefined && typeof value.truncate !== 'boolean') return 'truncate must be a boolean';
	if (value.truncate && value.stage !== 'answer') return 'truncate needs stage "answer"';
	if (value.shape !== undefined) {
		if (!isAnswerShape(value.shape)) return `shape must be one of ${Object.keys(ANSWER_SHAPES).join(', ')}`;
		if (value.status !== undefined || value.reset || value.truncate) return 'shape cannot be combined with status, reset or truncate';
	}
	if (value.expireTokens !== undefined && typeof value.expireTokens !== 'boolean') return 'expireTokens must be a boolean';
	if (value.headers !== undefined && !(isPlainObject(value.headers) && Object.values(value.headers).every((v) => typeof v === 'string'))) {
		return 'headers must be an object of strings';
	}
	return null;
}

/** The answer the service gives a request over its rate limit, as a fault: 429, Retry-After and its body. */
export function rateLimitFault(category: RateCategory, seconds: number): Pick<FaultSpec, 'status' | 'headers' | 'body'> {
	return {
		status: 429,
		headers: { 'Retry-After': String(seconds) },
		body: { error: 'rate_limit_exceeded', message: `Rate limit exceeded for ${category} requests. Try again in ${seconds} seconds.`, retryAfter: seconds },
	};
}
