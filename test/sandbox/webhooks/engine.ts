import { createHmac, randomBytes } from 'node:crypto';

import type { SandboxEvent } from './sink';

/*
 * The sandbox's webhook delivery engine, signing per the project's delivery convention:
 * POST with X-ImagineAnything-{Event,Delivery,Timestamp,Signature} headers, the signature
 * `sha256=` + hex HMAC-SHA256(secret, timestamp + "." + raw body). A delivery that is not
 * answered 2xx within the timeout is retried after each of `retryDelaysMs` (same delivery id
 * and body, fresh timestamp and signature), then marked failed. Written independently of
 * the node's verifier on purpose, so a mistake on one side is not mirrored on the other.
 */

export interface WebhookEngineOptions {
	/** Wait before each retry; its length is the number of retries. Default 1 s, 5 s, 25 s, 2 min. */
	retryDelaysMs: number[];
	/** An attempt not answered within this counts as failed. Default 10000. */
	timeoutMs: number;
	/**
	 * Deliver to hosts other than this machine. Default false: tests register made-up https
	 * URLs, and a test double should not send requests out; such deliveries fail at once.
	 */
	deliverToRemoteHosts: boolean;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLocal(url: string): boolean {
	try {
		return LOCAL_HOSTS.has(new URL(url).hostname);
	} catch {
		return false;
	}
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookEngineOptions = {
	retryDelaysMs: [1000, 5000, 25000, 120000],
	timeoutMs: 10000,
	deliverToRemoteHosts: false,
};

/** Deliberately broken deliveries, to test receivers end to end. */
export interface DeliveryTamper {
	/** `missing`: no signature header; `invalid`: a well-formed signature of other content; `wrongSecret`: signed with another secret. */
	signature?: 'missing' | 'invalid' | 'wrongSecret';
	/** Added to the signed timestamp (e.g. -600 for a stale delivery). */
	timestampOffsetSeconds?: number;
}

export interface DeliveryAttempt {
	at: string;
	/** The receiver's HTTP status; null when it did not answer (timeout, refused). */
	status: number | null;
	error?: string;
	durationMs: number;
	/** The signed timestamp sent with this attempt. */
	timestamp: string;
}

export interface WebhookDelivery {
	/** The X-ImagineAnything-Delivery id; the same on every attempt. */
	id: string;
	eventId: string;
	type: string;
	agentId: string;
	url: string;
	status: 'pending' | 'delivered' | 'failed';
	attempts: DeliveryAttempt[];
	/** When the next retry is due, while pending after a failed attempt. */
	nextAttemptAt: string | null;
	/** The event body sent (the raw body is its JSON). */
	event: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
	tamper?: DeliveryTamper;
}

export interface DeliveryFilter {
	agentId?: string;
	type?: string;
	status?: WebhookDelivery['status'];
}

/** Where an agent's events go now. */
export type RegistrationLookup = (agentId: string) => { url: string; secret: string } | undefined;

interface Entry {
	delivery: WebhookDelivery;
	secret: string;
	rawBody: string;
	timer?: NodeJS.Timeout;
	/** Attempts made by the schedule (first delivery and retries), not by `redeliver`. */
	scheduledAttempts: number;
	/** Resolves after each attempt. */
	attemptWaiters: Array<() => void>;
}

function id(prefix: string): string {
	return `${prefix}_${randomBytes(10).toString('hex')}`;
}

export function signDelivery(secret: string, timestamp: string, rawBody: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export class WebhookEngine {
	private options: WebhookEngineOptions = { ...DEFAULT_WEBHOOK_OPTIONS, retryDelaysMs: [...DEFAULT_WEBHOOK_OPTIONS.retryDelaysMs] };
	private readonly entries = new Map<string, Entry>();
	private readonly inFlight = new Set<string>();
	private idleWaiters: Array<() => void> = [];
	private closed = false;

	configure(options: Partial<WebhookEngineOptions>): WebhookEngineOptions {
		if (options.retryDelaysMs !== undefined) {
			if (!options.retryDelaysMs.every((ms) => Number.isInteger(ms) && ms >= 0)) {
				throw new Error('retryDelaysMs must be non-negative integers');
			}
			this.options.retryDelaysMs = [...options.retryDelaysMs];
		}
		if (options.timeoutMs !== undefined) {
			if (!(Number.isInteger(options.timeoutMs) && options.timeoutMs > 0)) throw new Error('timeoutMs must be a positive integer');
			this.options.timeoutMs = options.timeoutMs;
		}
		if (options.deliverToRemoteHosts !== undefined) this.options.deliverToRemoteHosts = options.deliverToRemoteHosts;
		return this.settings();
	}

	settings(): WebhookEngineOptions {
		return { ...this.options, retryDelaysMs: [...this.options.retryDelaysMs] };
	}

	/**
	 * Queues the event for the agent's registered webhook and starts the first attempt.
	 * Undefined when the agent has no webhook (nothing is delivered, nothing logged).
	 */
	enqueue(event: SandboxEvent, lookup: RegistrationLookup, tamper?: DeliveryTamper): WebhookDelivery | undefined {
		if (this.closed) return undefined;
		const registration = lookup(event.agentId);
		if (!registration) return undefined;
		const body = { id: id('evt'), type: event.type, createdAt: new Date(event.at).toISOString(), data: event.data };
		const delivery: WebhookDelivery = {
			id: id('dlv'),
			eventId: body.id,
			type: event.type,
			agentId: event.agentId,
			url: registration.url,
			status: 'pending',
			attempts: [],
			nextAttemptAt: null,
			event: body,
			...(tamper ? { tamper } : {}),
		};
		const entry: Entry = { delivery, secret: registration.secret, rawBody: JSON.stringify(body), scheduledAttempts: 0, attemptWaiters: [] };
		this.entries.set(delivery.id, entry);
		this.schedule(entry, 0);
		return delivery;
	}

	/** Sends a delivery again now (same id, fresh timestamp), as the service does on a retry. */
	redeliver(deliveryId: string): WebhookDelivery | undefined {
		const entry = this.entries.get(deliveryId);
		if (!entry || this.closed) return undefined;
		if (entry.timer) clearTimeout(entry.timer);
		entry.delivery.status = 'pending';
		this.schedule(entry, 0, true);
		return entry.delivery;
	}

	/** Resolves after the delivery's next attempt finishes. */
	nextAttempt(deliveryId: string): Promise<WebhookDelivery> {
		const entry = this.entries.get(deliveryId);
		if (!entry) return Promise.reject(new Error(`No delivery ${deliveryId}`));
		return new Promise((resolve) => entry.attemptWaiters.push(() => resolve(entry.delivery)));
	}

	list(filter: DeliveryFilter = {}): WebhookDelivery[] {
		return [...this.entries.values()]
			.map((e) => e.delivery)
			.filter(
				(d) =>
					(filter.agentId === undefined || d.agentId === filter.agentId) &&
					(filter.type === undefined || d.type === filter.type.toUpperCase()) &&
					(filter.status === undefined || d.status === filter.status),
			);
	}

	get(deliveryId: string): WebhookDelivery | undefined {
		return this.entries.get(deliveryId)?.delivery;
	}

	/** Resolves when no delivery is pending (waiting retries included). */
	idle(): Promise<void> {
		if (!this.busy()) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	/** Forgets every delivery and cancels pending retries (sandbox reset). */
	clear(): void {
		for (const entry of this.entries.values()) {
			if (entry.timer) clearTimeout(entry.timer);
			for (const waiter of entry.attemptWaiters) waiter();
		}
		this.entries.clear();
		this.notifyIdle();
	}

	close(): void {
		this.closed = true;
		this.clear();
	}

	private busy(): boolean {
		return this.inFlight.size > 0 || [...this.entries.values()].some((e) => e.delivery.status === 'pending');
	}

	private notifyIdle(): void {
		if (this.busy()) return;
		const waiters = this.idleWaiters;
		this.idleWaiters = [];
		for (const waiter of waiters) waiter();
	}

	private schedule(entry: Entry, delayMs: number, manual = false): void {
		entry.delivery.nextAttemptAt = delayMs > 0 ? new Date(Date.now() + delayMs).toISOString() : null;
		// unref: a retry waiting for minutes must not keep a test process alive.
		entry.timer = setTimeout(() => void this.attempt(entry, manual), delayMs);
		entry.timer.unref();
	}

	private async attempt(entry: Entry, manual: boolean): Promise<void> {
		const { delivery } = entry;
		entry.timer = undefined;
		delivery.nextAttemptAt = null;
		if (this.entries.get(delivery.id) !== entry || this.closed) return;
		this.inFlight.add(delivery.id);
		const startedAt = Date.now();
		const timestamp = String(Math.floor(startedAt / 1000) + (delivery.tamper?.timestampOffsetSeconds ?? 0));
		const attempt: DeliveryAttempt = { at: new Date(startedAt).toISOString(), status: null, durationMs: 0, timestamp };
		const remoteRefused = !this.options.deliverToRemoteHosts && !isLocal(delivery.url);
		if (remoteRefused) attempt.error = 'Not sent: the sandbox delivers only to this machine (see deliverToRemoteHosts)';
		else Object.assign(attempt, await this.send(entry, timestamp));
		attempt.durationMs = Date.now() - startedAt;
		this.inFlight.delete(delivery.id);
		if (this.entries.get(delivery.id) !== entry) return;
		delivery.attempts.push(attempt);
		const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
		if (!manual) entry.scheduledAttempts++;
		const retryDelay = this.options.retryDelaysMs[entry.scheduledAttempts - 1];
		if (ok) delivery.status = 'delivered';
		else if (!manual && !remoteRefused && retryDelay !== undefined && !this.closed) this.schedule(entry, retryDelay);
		else delivery.status = 'failed';
		const waiters = entry.attemptWaiters;
		entry.attemptWaiters = [];
		for (const waiter of waiters) waiter();
		this.notifyIdle();
	}

	private async send(entry: Entry, timestamp: string): Promise<Pick<DeliveryAttempt, 'status' | 'error'>> {
		try {
			const response = await fetch(entry.delivery.url, {
				method: 'POST',
				headers: this.headers(entry, timestamp),
				body: entry.rawBody,
				signal: AbortSignal.timeout(this.options.timeoutMs),
			});
			await response.arrayBuffer().catch(() => undefined);
			return { status: response.status };
		} catch (error) {
			const e = error as Error;
			return { status: null, error: e.name === 'TimeoutError' ? `No answer within ${this.options.timeoutMs} ms` : String(e.cause ?? e.message) };
		}
	}

	private headers(entry: Entry, timestamp: string): Record<string, string> {
		const { delivery, secret, rawBody } = entry;
		const headers: Record<string, string> = {
			'Content-Type': 'application/json',
			'User-Agent': 'ImagineAnything-Webhooks/sandbox',
			'X-ImagineAnything-Event': delivery.type,
			'X-ImagineAnything-Delivery': delivery.id,
			'X-ImagineAnything-Timestamp': timestamp,
		};
		const tamper = delivery.tamper?.signature;
		if (tamper === 'missing') return headers;
		const signature =
			tamper === 'invalid'
				? signDelivery(secret, timestamp, `${rawBody} `)
				: signDelivery(tamper === 'wrongSecret' ? `whsec_${randomBytes(24).toString('hex')}` : secret, timestamp, rawBody);
		headers['X-ImagineAnything-Signature'] = signature;
		return headers;
	}
}
