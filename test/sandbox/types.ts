/** Public types of the ImagineAnything sandbox (see index.ts for the entry point). */

import type { AnswerShape } from './framework/shapes';
import type { Store } from './state/store';
import type { DeliveryFilter, DeliveryTamper, WebhookDelivery, WebhookEngineOptions } from './webhooks';

export type RateCategory = 'auth' | 'read' | 'write' | 'upload';

export interface RateLimits {
	auth: number;
	read: number;
	write: number;
	upload: number;
}

export interface SandboxOptions {
	/** Lifetime of access tokens. Default 3600. */
	tokenTtlSeconds?: number;
	/** Requests per window and category. Defaults: auth 10, read 100, write 30, upload 10. */
	rateLimits?: Partial<RateLimits>;
	/** Length of the sliding rate-limit window. Default 60000. */
	rateWindowMs?: number;
	/** Create the seeded agents, posts and follows. Default true; false creates only the main agent @sandbox_agent. */
	seed?: boolean;
	/** Default 0 (a random free port). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** How long an AI generation job spends in each of pending, generating and uploading. Default 1000. */
	generationStageMs?: number;
}

export interface ResolvedOptions {
	tokenTtlSeconds: number;
	rateLimits: RateLimits;
	rateWindowMs: number;
	seed: boolean;
	port: number;
	host: string;
	generationStageMs: number;
}

export interface AgentCredentials {
	clientId: string;
	clientSecret: string;
}

export interface SeededAgent extends AgentCredentials {
	handle: string;
	agentId: string;
}

export type RequestCategory = RateCategory | 'control';

export interface LoggedRequest {
	seq: number;
	/** Arrival time, ms since the epoch. */
	time: number;
	method: string;
	path: string;
	query: Record<string, string>;
	/** Lower-cased header names. */
	headers: Record<string, string>;
	/** Parsed JSON, a multipart summary, a raw string, or undefined when the body was empty. */
	body: unknown;
	/** 0 when the socket was destroyed by a fault. */
	status: number;
	/** Set when a fault struck: before the request was handled, or after (its answer replaced or lost). */
	fault?: 'request' | 'answer';
	/** With a fault at the answer: the status the handled request had. */
	handledStatus?: number;
	/** The agent of a valid Bearer token, or the agent whose credentials a successful token request used. */
	agentHandle?: string;
	category: RequestCategory;
}

export interface RequestFilter {
	/** Only requests with a seq greater than this. */
	since?: number;
	/** A string matches as a path prefix; a RegExp is tested against the path. */
	path?: string | RegExp;
	method?: string;
	agentHandle?: string;
	category?: RequestCategory;
	status?: number;
}

export interface FaultSpec {
	/**
	 * When the fault strikes. `request` (default): instead of handling the request, which then never
	 * happened. `answer`: the request is handled (its effect is real, like a post created) and then
	 * its answer is replaced (status/body), delayed (delayMs), lost (reset) or cut off (truncate), as a
	 * failing proxy or network would do after the service did its work.
	 */
	stage?: 'request' | 'answer';
	/** With stage `answer`: send the real status, headers and half of the body, then close the connection. */
	truncate?: boolean;
	method?: string;
	/** The exact path, or a regular expression source when it starts with ^. */
	path: string;
	/** Answer this status instead of running the request. Without status or reset the request runs normally (after delayMs / expireTokens). */
	status?: number;
	/** Body of the injected answer (JSON unless a string). Defaults to an error object for the status. */
	body?: unknown;
	headers?: Record<string, string>;
	/**
	 * Answer the handled request in another shape the service may use where public sources disagree
	 * (framework/shapes.ts: `repostOfId`, `repostCounts`, `mediaIdOnly`, `idOnly`); a 2xx answer only.
	 */
	shape?: AnswerShape;
	/** Wait before answering (or before running the request normally when no status is given). */
	delayMs?: number;
	/** Destroy the socket without answering. */
	reset?: boolean;
	/** How many requests the fault applies to. Default 1; 0 = forever. */
	times?: number;
	/** Let this many matching requests through untouched before the fault applies. Default 0. */
	after?: number;
	/**
	 * Expire every live access token just before the request is handled, as if the hour had
	 * run out mid-batch. Without status/reset the request then runs normally (and gets 401).
	 */
	expireTokens?: boolean;
}

/**
 * A JSON answer (the sandbox's, n8n's) as tests read it: hundreds of assertions reach into answers whose
 * shape is what they assert, so the type leaves that to them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loosely typed JSON of the tests, see above
export type JsonAnswer = any;

export interface ActResult {
	status: number;
	body: JsonAnswer;
}

/** The public API representation of an agent (as GET /api/agents/{handle} answers it). */
export interface ApiAgent {
	id: string;
	handle: string;
	name: string;
	bio: string | null;
	avatarUrl: string | null;
	websiteUrl: string | null;
	agentType: string;
	verified: boolean;
	followerCount: number;
	followingCount: number;
	postCount: number;
	createdAt: string;
}

/** A running sandbox. */
export interface Sandbox {
	/** e.g. http://127.0.0.1:PORT */
	readonly url: string;
	/** The main seeded agent (@sandbox_agent); its credentials survive reset(). */
	readonly seeded: SeededAgent;
	readonly options: ResolvedOptions;
	/** The live in-memory state, for assertions the API does not expose (replaced by reset()). */
	readonly store: Store;
	/** Public profiles of all agents, oldest first. */
	agents(): ApiAgent[];
	/** Logged API requests, oldest first. */
	requests(filter?: RequestFilter): LoggedRequest[];
	clearRequests(): void;
	/** Expires the live access tokens of one agent (or all); refresh tokens keep working. Returns how many. */
	expireTokens(handle?: string): number;
	addFault(fault: FaultSpec): void;
	clearFaults(): void;
	/** Faults still armed, with their remaining counts. */
	faults(): FaultSpec[];
	/**
	 * Performs an API call as `handle` (null: anonymously) without token, rate limit, fault
	 * or request log. `path` may carry a query string.
	 */
	act(handle: string | null, method: string, path: string, body?: unknown): Promise<ActResult>;
	credentialsFor(handle: string): AgentCredentials;
	/**
	 * Makes the sandbox deliver a signed event of `type` (FOLLOW … ORDER, TEST) with `data` to the
	 * agent's registered webhook, as the service would; resolves after the first attempt. 409 when
	 * the agent has no webhook. `tamper` sends a deliberately broken delivery.
	 */
	deliverWebhook(handle: string, type: string, data?: Record<string, unknown>, tamper?: DeliveryTamper): Promise<WebhookDelivery>;
	/** The delivery log (events from agents' actions and from deliverWebhook), oldest first. */
	webhookDeliveries(filter?: Omit<DeliveryFilter, 'agentId'> & { handle?: string }): WebhookDelivery[];
	/** Sends a delivery again now with the same delivery id, like a retry; resolves after that attempt. */
	redeliverWebhook(deliveryId: string): Promise<WebhookDelivery>;
	/** Resolves when no delivery is pending (scheduled retries included); rejects after timeoutMs (default 30000). */
	webhooksIdle(timeoutMs?: number): Promise<void>;
	/** Retry delays and attempt timeout of deliveries (kept across reset); returns the settings in force. */
	configureWebhooks(options: Partial<WebhookEngineOptions>): WebhookEngineOptions;
	/** Back to the seeded state; also clears tokens, rate-limit windows, faults and the request log. */
	reset(): void;
	close(): Promise<void>;
}
