import { sleep } from 'n8n-workflow';

/** ImagineAnything's rate-limit categories (X-RateLimit-Endpoint-Type). */
export type RateCategory = 'read' | 'write' | 'upload' | 'auth';

/** The category ImagineAnything counts a request in, until its answer names one. */
export function categoryOf(method: string, path: string): RateCategory {
	if (path === '/api/auth' || path.startsWith('/api/auth/')) return 'auth';
	if (path === '/api/upload' || path.startsWith('/api/upload/') || path === '/api/agents/me/avatar') return 'upload';
	return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

/** What an answer's X-RateLimit-* headers say. */
export interface RateHeaders {
	limit?: number;
	remaining?: number;
	/** Unix seconds. */
	reset?: number;
	category?: RateCategory;
	/** Seconds, from Retry-After (429 answers). */
	retryAfter?: number;
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
	const value = found === undefined ? undefined : headers[found];
	return value === undefined || value === null ? undefined : String(Array.isArray(value) ? value[0] : value);
}

function number(text: string | undefined): number | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}

const CATEGORIES: readonly string[] = ['read', 'write', 'upload', 'auth'];

export function readRateHeaders(headers: Record<string, unknown> | undefined): RateHeaders {
	const category = header(headers, 'x-ratelimit-endpoint-type')?.toLowerCase();
	return {
		limit: number(header(headers, 'x-ratelimit-limit')),
		remaining: number(header(headers, 'x-ratelimit-remaining')),
		reset: number(header(headers, 'x-ratelimit-reset')),
		category: category && CATEGORIES.includes(category) ? (category as RateCategory) : undefined,
		retryAfter: number(header(headers, 'retry-after')),
	};
}

/** Why a request was not admitted: the wait it would need is longer than its caller accepts. */
export class RateLimitWaitTooLong extends Error {
	constructor(
		readonly category: RateCategory,
		readonly waitMs: number,
		readonly maxWaitMs: number,
	) {
		super(`${category} rate limit: next request possible in ${Math.ceil(waitMs / 1000)} s`);
	}
}

/** The request was waiting for the rate limit when its execution was cancelled. */
export class AdmissionCancelled extends Error {}

/** One request's place in a bucket, from admission to answer. */
export interface Ticket {
	readonly seq: number;
	readonly sentAt: number;
	answeredAt?: number;
	/** Refused with 429: the service did not count it. */
	refused?: boolean;
	/** Sent to test whether the slot of this request (the oldest in the window) has freed. */
	readonly probing?: Ticket;
	/** The window length the test assumed was a whole number of seconds. */
	readonly assumedWholeSeconds?: boolean;
}

export interface AdmissionRequest {
	/** Admission order: [execution, item]; lower first. */
	order: readonly [number, number];
	/** The longest single wait for the limit this caller accepts (0: none). */
	maxWaitMs: number;
	signal?: AbortSignal;
}

interface Waiter extends AdmissionRequest {
	resolve: (ticket: Ticket) => void;
	reject: (error: Error) => void;
	onAbort?: () => void;
}

/** Time in ms; tests may replace it together with `wait`. */
export interface Clock {
	now: () => number;
	wait: (ms: number) => Promise<void>;
}

const systemClock: Clock = { now: () => Date.now(), wait: async (ms) => await sleep(ms) };

/** Sent this long after the moment a slot is expected to free, for the way to the service. */
export const SAFETY_MS = 15;
/** Our own requests remembered per bucket, to find the one whose slot frees next. */
const LOG_SIZE = 1000;

type Decision = { go: true; probing?: Ticket; assumedWholeSeconds?: boolean } | { go: false; until?: number };

/**
 * The budget of one agent in one category, learned from the service's answers, and the queue of
 * requests waiting for it (in admission order).
 *
 * The service counts requests in a sliding window; each answer says how many are left and, in
 * whole seconds, when the oldest counted request leaves the window. The bucket admits what the
 * last answer allows; when that is spent it sends one request at the moment the oldest slot is
 * expected to free, and goes on from that request's answer. Whole-second resets alone would cost
 * up to a second per window, so the window length is learned as an interval from the answers
 * (which of our requests is the oldest the service counts follows from how many it counts);
 * until a refused test proves otherwise the window is taken to be a whole number of seconds,
 * which pins it down from the first answer. A prediction never leaves the second the service
 * named, and a 429 blocks the bucket for its Retry-After.
 */
export class RateBucket {
	private limit?: number;
	/** Answers came without rate-limit headers: nothing to pace by (429s still block). */
	private unmetered = false;
	private remaining = 0;
	private resetAt?: number;
	/** Seq of the request whose answer gave `remaining`. */
	private infoSeq = -1;
	/** Our request the service counted as the oldest in its window at that answer. */
	private oldest?: Ticket;
	private nextSeq = 0;
	private readonly inFlight = new Set<Ticket>();
	private readonly log: Ticket[] = [];
	private readonly queue: Waiter[] = [];
	private blockedUntil = 0;
	private wakeAt?: number;
	/** Bounds of the window length (ms): lo < window ≤ hi. */
	private lo = 0;
	private hi = Number.POSITIVE_INFINITY;
	private wholeSecondsRefuted = false;
	/** Until then, another process (or app) is taken to use the same agent's budget. */
	private sharedUntil = 0;

	constructor(
		readonly category: RateCategory,
		private readonly clock: Clock = systemClock,
	) {}

	/** Resolves when the request may be sent; rejects when it would wait longer than it accepts. */
	async admit(request: AdmissionRequest): Promise<Ticket> {
		return await new Promise<Ticket>((resolve, reject) => {
			const waiter: Waiter = { ...request, resolve, reject };
			if (request.signal) {
				if (request.signal.aborted) return reject(new AdmissionCancelled('The execution was cancelled'));
				waiter.onAbort = () => {
					this.remove(waiter);
					reject(new AdmissionCancelled('The execution was cancelled'));
				};
				request.signal.addEventListener('abort', waiter.onAbort, { once: true });
			}
			const at = this.queue.findIndex((other) => compare(request.order, other.order) < 0);
			this.queue.splice(at < 0 ? this.queue.length : at, 0, waiter);
			this.pump();
		});
	}

	/** The answer of an admitted request: its status and rate-limit headers teach the bucket. */
	answered(ticket: Ticket, status: number, headers: RateHeaders): void {
		const now = this.clock.now();
		ticket.answeredAt = now;
		this.inFlight.delete(ticket);
		if (status === 429) {
			ticket.refused = true;
			// Refused although the last answer left room: someone else used it.
			if (!ticket.probing && this.limit !== undefined) this.markShared(now);
			if (ticket.probing) {
				// The slot had not freed when this arrived.
				this.raiseLower(ticket.sentAt - (ticket.probing.answeredAt ?? now));
				if (ticket.assumedWholeSeconds) this.wholeSecondsRefuted = true;
			}
			const retryAfterMs = headers.retryAfter !== undefined ? headers.retryAfter * 1000 : undefined;
			const untilReset = headers.reset !== undefined ? headers.reset * 1000 - now : undefined;
			this.blockedUntil = Math.max(this.blockedUntil, now + Math.max(retryAfterMs ?? untilReset ?? 1000, 0));
		} else if (ticket.probing && status < 500) {
			// Counted: the slot it was sent for had freed.
			this.lowerUpper(now - ticket.probing.sentAt);
		}
		if (headers.limit === undefined || headers.remaining === undefined) {
			if (status < 300 && this.limit === undefined) this.unmetered = true;
		} else {
			this.unmetered = false;
			this.learn(ticket, headers, status);
		}
		this.pump();
	}

	/** An admitted request ended without an answer (network failure, timeout). */
	released(ticket: Ticket): void {
		ticket.answeredAt = this.clock.now();
		this.inFlight.delete(ticket);
		this.pump();
	}

	private learn(ticket: Ticket, headers: RateHeaders, status: number): void {
		if (ticket.seq < this.infoSeq) return;
		const now = this.clock.now();
		this.limit = headers.limit;
		this.remaining = status === 429 ? 0 : (headers.remaining as number);
		this.infoSeq = ticket.seq;
		this.resetAt = headers.reset !== undefined ? headers.reset * 1000 : undefined;
		this.oldest = undefined;
		if (status === 429 || headers.reset === undefined) return;
		const counted = (headers.limit as number) - (headers.remaining as number);
		if (counted > this.oursInWindow(ticket)) this.markShared(now);
		// When the window holds only our requests, the oldest is the one `counted - 1` places before
		// this one; shared with others, only a window holding this request alone says which it is.
		const oldest = this.shared(now) ? (counted === 1 ? ticket : undefined) : this.oldestCounted(ticket, counted);
		this.oldest = oldest;
		if (!oldest) return;
		const resetMs = headers.reset * 1000;
		// reset = the second in which (arrival of the oldest + window) falls; its arrival lies between
		// its sending and its answer.
		const lo = resetMs - 1000 - (oldest.answeredAt ?? now);
		const hi = resetMs - oldest.sentAt;
		if (lo >= this.hi || hi <= this.lo) {
			// The window changed, or others' requests misled an earlier reading: start again.
			this.lo = lo;
			this.hi = hi;
			this.wholeSecondsRefuted = false;
			return;
		}
		this.raiseLower(lo);
		this.lowerUpper(hi);
	}

	private markShared(now: number): void {
		this.sharedUntil = now + 2 * (this.windowEstimate()?.ms ?? 60_000);
	}

	private shared(now: number): boolean {
		return now < this.sharedUntil;
	}

	/** How many of our counted requests, up to `ticket`, can still be in the service's window. */
	private oursInWindow(ticket: Ticket): number {
		const since = (ticket.answeredAt ?? ticket.sentAt) - this.hi;
		let count = 0;
		for (let i = this.log.indexOf(ticket); i >= 0 && this.log[i].sentAt > since; i--) if (!this.log[i].refused) count++;
		return count;
	}

	/** Our oldest counted request that was still in the window at the last answer: the next of our slots to free. */
	private ownOldest(estimateMs: number): Ticket | undefined {
		const infoTicket = this.log.find((t) => t.seq === this.infoSeq);
		const at = infoTicket?.answeredAt ?? this.clock.now();
		return this.log.find((t) => !t.refused && t.seq <= this.infoSeq && t.sentAt + estimateMs > at);
	}

	/** The request `counted - 1` counted requests before `ticket`: the oldest in the window, when all in it are ours. */
	private oldestCounted(ticket: Ticket, counted: number): Ticket | undefined {
		let index = this.log.indexOf(ticket);
		if (index < 0 || counted < 1) return undefined;
		for (let left = counted - 1; left > 0; left--) {
			do index--;
			while (index >= 0 && this.log[index].refused);
			if (index < 0) return undefined;
		}
		return this.log[index];
	}

	private raiseLower(bound: number): void {
		if (bound > this.lo) this.lo = Math.min(bound, this.hi - 1);
	}

	private lowerUpper(bound: number): void {
		if (bound < this.hi) this.hi = Math.max(bound, this.lo + 1);
	}

	/** The window length to plan with: the largest whole second in (lo, hi] unless refuted, else hi. */
	private windowEstimate(): { ms: number; wholeSeconds: boolean } | undefined {
		if (!Number.isFinite(this.hi)) return undefined;
		const whole = Math.floor(this.hi / 1000) * 1000;
		if (!this.wholeSecondsRefuted && whole > this.lo) return { ms: whole, wholeSeconds: true };
		return { ms: this.hi, wholeSeconds: false };
	}

	private admittedSinceInfo(): number {
		let count = 0;
		for (let i = this.log.length - 1; i >= 0 && this.log[i].seq > this.infoSeq; i--) count++;
		return count;
	}

	private decide(now: number): Decision {
		if (now < this.blockedUntil) return { go: false, until: this.blockedUntil };
		if (this.unmetered) return { go: true };
		if (this.limit === undefined) return this.inFlight.size === 0 ? { go: true } : { go: false };
		const shared = this.shared(now);
		const admitted = this.admittedSinceInfo();
		// Shared with another process: one at a time, so that every decision rests on a fresh answer.
		if (this.remaining - admitted > 0) return shared && this.inFlight.size > 0 ? { go: false } : { go: true };
		// Spent. Requests sent since the last answer will bring fresher news.
		if (admitted > 0 && [...this.inFlight].some((t) => t.seq > this.infoSeq)) return { go: false };
		const reset = this.resetAt;
		if (reset === undefined || reset <= now) return { go: true };
		const estimate = this.windowEstimate();
		let at = reset + SAFETY_MS;
		let probing = this.oldest;
		if (estimate && shared) {
			// Wait for a slot of our own: the slots of others are theirs to take again.
			probing = this.ownOldest(estimate.ms);
			if (probing) at = Math.max(probing.sentAt + estimate.ms + SAFETY_MS, reset - 1000 + SAFETY_MS);
		} else if (estimate && probing) {
			const predicted = probing.sentAt + estimate.ms + SAFETY_MS;
			at = Math.min(Math.max(predicted, reset - 1000 + SAFETY_MS), reset + SAFETY_MS);
		}
		if (now < at) return { go: false, until: at };
		return { go: true, probing, assumedWholeSeconds: estimate?.wholeSeconds };
	}

	private pump(): void {
		const now = this.clock.now();
		while (this.queue.length > 0) {
			const decision = this.decide(now);
			if (decision.go) {
				this.grant(this.queue.shift() as Waiter, now, decision);
				continue;
			}
			if (decision.until !== undefined) {
				const waitMs = decision.until - now;
				for (const waiter of [...this.queue]) {
					if (waitMs > waiter.maxWaitMs) {
						this.remove(waiter);
						waiter.reject(new RateLimitWaitTooLong(this.category, waitMs, waiter.maxWaitMs));
					}
				}
				if (this.queue.length > 0) this.wakeUpAt(decision.until);
			}
			return;
		}
	}

	private grant(waiter: Waiter, now: number, decision: Extract<Decision, { go: true }>): void {
		if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
		const ticket: Ticket = {
			seq: this.nextSeq++,
			sentAt: now,
			probing: decision.probing,
			assumedWholeSeconds: decision.probing ? decision.assumedWholeSeconds : undefined,
		};
		this.inFlight.add(ticket);
		this.log.push(ticket);
		if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
		waiter.resolve(ticket);
	}

	private remove(waiter: Waiter): void {
		const index = this.queue.indexOf(waiter);
		if (index >= 0) this.queue.splice(index, 1);
		if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
	}

	private wakeUpAt(at: number): void {
		if (this.wakeAt !== undefined && this.wakeAt <= at) return;
		this.wakeAt = at;
		void this.clock.wait(Math.max(0, at - this.clock.now())).then(() => {
			if (this.wakeAt === at) this.wakeAt = undefined;
			this.pump();
		});
	}
}

function compare(a: readonly [number, number], b: readonly [number, number]): number {
	return a[0] - b[0] || a[1] - b[1];
}

const buckets = new Map<string, RateBucket>();

/**
 * The bucket of one agent (or, without a credential, one service address) and category, shared by
 * every item, node and execution of this n8n process.
 */
export function bucketFor(identity: string, category: RateCategory): RateBucket {
	const key = `${identity}|${category}`;
	let bucket = buckets.get(key);
	if (!bucket) {
		bucket = new RateBucket(category);
		buckets.set(key, bucket);
	}
	return bucket;
}

const executionOrder = new Map<string, number>();
let nextExecution = 0;

/** Executions are admitted in the order they first asked, items within one in item order. */
export function admissionOrder(executionId: string | undefined, itemIndex: number): [number, number] {
	const key = executionId ?? '';
	let order = executionOrder.get(key);
	if (order === undefined) {
		order = nextExecution++;
		executionOrder.set(key, order);
		// Forget old executions: only the relative order of live ones matters.
		if (executionOrder.size > 10_000) executionOrder.delete(executionOrder.keys().next().value as string);
	}
	return [order, itemIndex];
}
