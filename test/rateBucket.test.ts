/**
 * The pacing algorithm on its own (nodes/ImagineAnything/transport/rateLimit.ts), against the
 * sandbox's sliding-window limiter on a virtual clock: long batches run in milliseconds and every
 * figure is exact. The engine and real-n8n suites test the same code with real time.
 */
import { RateBucket, type Clock, type RateHeaders, type Ticket } from '../package/nodes/ImagineAnything/transport/rateLimit';
import { rateLimitHeaders, RateLimiter } from './sandbox/framework/rateLimit';

/** Time that moves only when every pending promise has settled and a timer is due. */
class VirtualClock implements Clock {
	private timers: Array<{ at: number; resolve: () => void }> = [];

	constructor(public time: number) {}

	now = () => this.time;

	wait = async (ms: number) => await new Promise<void>((resolve) => this.timers.push({ at: this.time + ms, resolve }));

	/** Runs until nothing is pending. */
	async run(): Promise<void> {
		for (;;) {
			for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
			if (this.timers.length === 0) return;
			this.timers.sort((a, b) => a.at - b.at);
			const next = this.timers.shift() as { at: number; resolve: () => void };
			this.time = Math.max(this.time, next.at);
			next.resolve();
		}
	}
}

interface Client {
	bucket: RateBucket;
	identity: string;
}

interface Outcome {
	ok: number;
	refused: number;
	failed: number;
	finishedAt: number;
}

/**
 * `count` requests per client, all queued at once in item order, each taking `latencyMs` to reach
 * the service and as long back; a refused one is sent again after admission, as the transport does.
 */
async function simulate(
	clock: VirtualClock,
	limiter: RateLimiter,
	clients: Client[],
	count: number,
	latencyMs = 3,
): Promise<Outcome> {
	const outcome: Outcome = { ok: 0, refused: 0, failed: 0, finishedAt: 0 };
	const one = async (client: Client, index: number) => {
		for (;;) {
			let ticket: Ticket;
			try {
				ticket = await client.bucket.admit({ order: [0, index], maxWaitMs: 120_000 });
			} catch {
				outcome.failed++;
				return;
			}
			await clock.wait(latencyMs);
			const decision = limiter.hit('write', 'agent', clock.now());
			await clock.wait(latencyMs);
			const headers: RateHeaders = {
				limit: decision.limit,
				remaining: decision.remaining,
				reset: decision.reset,
				retryAfter: decision.allowed ? undefined : decision.retryAfter,
			};
			expect(Number(rateLimitHeaders(decision)['X-RateLimit-Remaining'])).toBe(decision.remaining);
			client.bucket.answered(ticket, decision.allowed ? 201 : 429, headers);
			if (decision.allowed) {
				outcome.ok++;
				outcome.finishedAt = Math.max(outcome.finishedAt, clock.now());
				return;
			}
			outcome.refused++;
		}
	};
	const all = clients.flatMap((client) => Array.from({ length: count }, (_, i) => one(client, i)));
	await clock.run();
	await Promise.all(all);
	return outcome;
}

function setUp(limit: number, windowMs: number, phaseMs: number, processes = 1) {
	const start = 1_800_000_000_000 + phaseMs;
	const clock = new VirtualClock(start);
	const limiter = new RateLimiter({ auth: 10, read: 100, write: limit, upload: 10 }, windowMs);
	const clients = Array.from({ length: processes }, (_, i) => ({ bucket: new RateBucket('write', clock), identity: `process ${i}` }));
	return { clock, limiter, clients, start };
}

describe('rate bucket (virtual time)', () => {
	for (const phaseMs of [0, 300, 999]) {
		it(`300 writes at 30 per 10 s (start ${phaseMs} ms into a second): none lost, at most one 429, within 1.05× the minimum`, async () => {
			const { clock, limiter, clients, start } = setUp(30, 10_000, phaseMs);
			const outcome = await simulate(clock, limiter, clients, 300);
			expect(outcome).toMatchObject({ ok: 300, failed: 0 });
			expect(outcome.refused).toBeLessThanOrEqual(1);
			const minimum = (Math.ceil(300 / 30) - 1) * 10_000;
			expect(outcome.finishedAt - start).toBeLessThanOrEqual(minimum * 1.05);
		});
	}

	it('1,000 writes at the real limit (30 a minute): within 1.01× the minimum', async () => {
		const { clock, limiter, clients, start } = setUp(30, 60_000, 450);
		const outcome = await simulate(clock, limiter, clients, 1000);
		expect(outcome).toMatchObject({ ok: 1000, failed: 0 });
		expect(outcome.refused).toBeLessThanOrEqual(1);
		expect(outcome.finishedAt - start).toBeLessThanOrEqual((Math.ceil(1000 / 30) - 1) * 60_000 * 1.01);
	});

	it('a window that is not a whole number of seconds: a refused guess, then paced by what the service says', async () => {
		const { clock, limiter, clients, start } = setUp(10, 2_500, 100);
		const outcome = await simulate(clock, limiter, clients, 100);
		expect(outcome).toMatchObject({ ok: 100, failed: 0 });
		expect(outcome.refused).toBeLessThanOrEqual(2);
		// Never more than a second late per window.
		expect(outcome.finishedAt - start).toBeLessThanOrEqual((Math.ceil(100 / 10) - 1) * 3_500);
	});

	it('two processes sharing one agent: every request succeeds and 429s stay bounded', async () => {
		const { clock, limiter, clients } = setUp(30, 10_000, 200, 2);
		const outcome = await simulate(clock, limiter, clients, 150);
		expect(outcome).toMatchObject({ ok: 300, failed: 0 });
		expect(outcome.refused).toBeLessThanOrEqual(60);
	});
});
