import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { registerControls } from './areas/controls';
import { apiAreas } from './areas';
import { resolveAuth, type AuthState } from './framework/auth';
import { loggableBody, mediaType, parseBody, type ParsedBody, type RequestContext } from './framework/context';
import { ApiError, genericErrorBody, notFound } from './framework/errors';
import { FaultInjector } from './framework/faults';
import { headerRecord, parseTarget, readBody, sleep, writeReply } from './framework/http';
import { categoryFor, RateLimiter, rateLimitError, rateLimitHeaders } from './framework/rateLimit';
import { RequestLog } from './framework/requestLog';
import { Router, type Reply, type RouteMatch } from './framework/router';
import { ANSWER_SHAPES } from './framework/shapes';
import { presentAgent } from './presenters';
import { createSeedIdentities, MAIN_SEED_HANDLE, seedStore } from './state/seed';
import type { AgentRecord } from './state/records';
import { Store, type AgentIdentity } from './state/store';
import {
	connectWebhooks,
	registrationLookup,
	WebhookEngine,
	type DeliveryFilter,
	type DeliveryTamper,
	type WebhookDelivery,
	type WebhookEngineOptions,
} from './webhooks';
import type {
	ActResult,
	AgentCredentials,
	ApiAgent,
	FaultSpec,
	LoggedRequest,
	RequestFilter,
	ResolvedOptions,
	Sandbox,
	SeededAgent,
} from './types';

const CONTROL_PREFIX = '/__sandbox';

interface RequestParts {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	rawBody: Buffer;
	body: ParsedBody;
	remoteAddress: string;
	auth: AuthState;
	now: number;
}

function errorReply(error: unknown): Reply {
	if (error instanceof ApiError) return { status: error.status, body: error.toBody(), headers: error.extras.headers };
	console.error('[sandbox] unexpected error', error);
	const message = error instanceof Error ? error.message : String(error);
	return { status: 500, body: { error: 'internal_error', message: `Internal sandbox error: ${message}` } };
}

/**
 * The sandbox server: HTTP pipeline (faults → rate limit → route → handler, with request
 * logging) over an in-memory Store, plus the in-process test controls.
 */
export class SandboxApp implements Sandbox {
	readonly seeded: SeededAgent;
	private currentUrl = '';
	private current: Store;
	private readonly identities: Map<string, AgentIdentity>;
	private readonly log = new RequestLog();
	private readonly injector = new FaultInjector();
	private readonly limiter: RateLimiter;
	private readonly api = new Router();
	private readonly controls = new Router();
	private readonly server: Server;
	private readonly webhooks = new WebhookEngine();

	constructor(readonly options: ResolvedOptions) {
		this.identities = createSeedIdentities();
		const main = this.identities.get(MAIN_SEED_HANDLE) as AgentIdentity;
		this.seeded = { handle: MAIN_SEED_HANDLE, ...main };
		this.limiter = new RateLimiter(options.rateLimits, options.rateWindowMs);
		this.current = this.freshStore();
		for (const area of apiAreas) area.register(this.api);
		registerControls(this.controls, this);
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				if (!res.headersSent) writeReply(res, errorReply(error));
				else res.destroy();
			});
		});
	}

	get url(): string {
		return this.currentUrl;
	}

	get store(): Store {
		return this.current;
	}

	listen(): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port, this.options.host, () => {
				this.server.off('error', reject);
				const { port } = this.server.address() as AddressInfo;
				const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
				this.currentUrl = `http://${host}:${port}`;
				resolve();
			});
		});
	}

	close(): Promise<void> {
		this.webhooks.close();
		return new Promise((resolve, reject) => {
			this.server.close((error) => (error ? reject(error) : resolve()));
			// Keep-alive sockets would otherwise hold the server (and jest) open.
			this.server.closeAllConnections();
		});
	}

	// ---- in-process controls ------------------------------------------------------------

	agents(): ApiAgent[] {
		return [...this.current.agents.values()].sort((a, b) => a.seq - b.seq).map((a) => presentAgent(this.current, a));
	}

	requests(filter?: RequestFilter): LoggedRequest[] {
		return this.log.list(filter);
	}

	clearRequests(): void {
		this.log.clear();
	}

	expireTokens(handle?: string): number {
		const agentId = handle === undefined ? undefined : this.agentOr404(handle).id;
		return this.current.expireAccessTokens(Date.now(), agentId);
	}

	addFault(fault: FaultSpec): void {
		this.injector.add(fault);
	}

	clearFaults(): void {
		this.injector.clear();
	}

	faults(): FaultSpec[] {
		return this.injector.list();
	}

	credentialsFor(handle: string): AgentCredentials {
		const credential = this.current.credentialOf(this.agentOr404(handle).id);
		if (!credential) throw notFound('Credentials');
		return { clientId: credential.clientId, clientSecret: credential.clientSecret };
	}

	reset(): void {
		this.current = this.freshStore();
		this.log.clear();
		this.injector.clear();
		this.limiter.clear();
		this.webhooks.clear();
	}

	// ---- webhook deliveries ---------------------------------------------------------------

	async deliverWebhook(
		handle: string,
		type: string,
		data: Record<string, unknown> = {},
		tamper?: DeliveryTamper,
	): Promise<WebhookDelivery> {
		const agent = this.agentOr404(handle);
		const event = { agentId: agent.id, type: type.toUpperCase(), data, at: Date.now() };
		const delivery = this.webhooks.enqueue(event, registrationLookup(this.current), tamper);
		if (!delivery) throw new ApiError(409, 'no_webhook', `@${handle} has no webhook registered`);
		return await this.webhooks.nextAttempt(delivery.id);
	}

	webhookDeliveries(filter: Omit<DeliveryFilter, 'agentId'> & { handle?: string } = {}): WebhookDelivery[] {
		const { handle, ...rest } = filter;
		const agentId = handle === undefined ? undefined : this.agentOr404(handle).id;
		return this.webhooks.list({ ...rest, agentId });
	}

	async redeliverWebhook(deliveryId: string): Promise<WebhookDelivery> {
		const delivery = this.webhooks.redeliver(deliveryId);
		if (!delivery) throw notFound('Delivery');
		return await this.webhooks.nextAttempt(delivery.id);
	}

	async webhooksIdle(timeoutMs = 30000): Promise<void> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new ApiError(504, 'timeout', `Deliveries still pending after ${timeoutMs} ms`)), timeoutMs);
			timer.unref();
		});
		try {
			await Promise.race([this.webhooks.idle(), timeout]);
		} finally {
			clearTimeout(timer);
		}
	}

	configureWebhooks(options: Partial<WebhookEngineOptions>): WebhookEngineOptions {
		return this.webhooks.configure(options);
	}

	async act(handle: string | null, method: string, path: string, body?: unknown): Promise<ActResult> {
		const agent = handle === null ? null : this.agentOr404(handle);
		const target = parseTarget(path);
		const upper = method.toUpperCase();
		const rawBody = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
		const ctx = this.context({
			method: upper,
			...target,
			headers: { 'content-type': 'application/json' },
			rawBody,
			body: parseBody('application/json', rawBody),
			remoteAddress: 'act',
			auth: agent ? { kind: 'valid', agent } : { kind: 'none' },
			now: Date.now(),
		});
		const reply = await this.execute(this.api.match(upper, target.path), ctx);
		// A JSON round trip gives the caller exactly what an HTTP client would see.
		return { status: reply.status, body: reply.body === undefined ? undefined : JSON.parse(JSON.stringify(reply.body)) };
	}

	// ---- pipeline -----------------------------------------------------------------------

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const arrival = Date.now();
		const rawBody = await readBody(req);
		const method = (req.method ?? 'GET').toUpperCase();
		const { path, query } = parseTarget(req.url ?? '/');
		const headers = headerRecord(req);
		const body = parseBody(headers['content-type'], rawBody);
		const parts = { method, path, query, headers, rawBody, body, remoteAddress: req.socket.remoteAddress ?? 'unknown' };

		if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
			const ctx = this.context({ ...parts, auth: { kind: 'none' }, now: arrival });
			writeReply(res, await this.execute(this.controls.match(method, path), ctx));
			return;
		}

		const category = categoryFor(method, path);
		const logged: Omit<LoggedRequest, 'seq' | 'status'> = {
			time: arrival,
			method,
			path,
			query,
			headers,
			body: loggableBody(body, rawBody.length),
			category,
		};

		const fault = this.injector.take(method, path);
		const atAnswer = fault?.stage === 'answer' || fault?.shape !== undefined;
		const early = atAnswer ? undefined : fault;
		const late = atAnswer ? fault : undefined;
		if (early?.delayMs) await sleep(early.delayMs);
		const now = Date.now();
		if (fault?.expireTokens) this.current.expireAccessTokens(now);
		const auth = resolveAuth(this.current, headers.authorization, now);
		if (auth.kind === 'valid') logged.agentHandle = auth.agent.handle;
		if (early?.reset) {
			this.log.add({ ...logged, status: 0, fault: 'request' });
			req.socket.destroy();
			return;
		}
		if (early?.status !== undefined) {
			const reply = { status: early.status, body: early.body ?? genericErrorBody(early.status), headers: early.headers };
			writeReply(res, reply);
			this.log.add({ ...logged, status: reply.status, fault: 'request' });
			return;
		}

		const ctx = this.context({ ...parts, auth, now });
		const match = this.api.match(method, path);
		const routeKey = match.kind === 'found' ? match.route.options.rateKey?.(ctx) : undefined;
		const identity = routeKey ?? (ctx.auth.kind === 'valid' ? `agent:${ctx.auth.agent.id}` : `ip:${ctx.remoteAddress}`);
		const decision = this.limiter.hit(category, identity, now);
		let reply = decision.allowed ? await this.execute(match, ctx) : errorReply(rateLimitError(decision));
		reply = { ...reply, headers: { ...rateLimitHeaders(decision), ...reply.headers } };
		if (ctx.agentHandle) logged.agentHandle = ctx.agentHandle;
		if (late) {
			// The request was handled; what reaches the client is the fault's.
			if (late.delayMs) await sleep(late.delayMs);
			if (late.reset) {
				this.log.add({ ...logged, status: 0, handledStatus: reply.status, fault: 'answer' });
				req.socket.destroy();
				return;
			}
			if (late.truncate) {
				const payload = Buffer.from(JSON.stringify(reply.body ?? {}));
				res.writeHead(reply.status, { ...reply.headers, 'Content-Type': 'application/json', 'Content-Length': String(payload.length) });
				res.write(payload.subarray(0, Math.floor(payload.length / 2)));
				this.log.add({ ...logged, status: reply.status, handledStatus: reply.status, fault: 'answer' });
				setTimeout(() => res.destroy(), 20).unref();
				return;
			}
			if (late.status !== undefined) {
				const handledStatus = reply.status;
				reply = { status: late.status, body: late.body ?? genericErrorBody(late.status), headers: late.headers };
				writeReply(res, reply);
				this.log.add({ ...logged, status: reply.status, handledStatus, fault: 'answer' });
				return;
			}
			if (late.shape && reply.status < 300) reply = { ...reply, body: ANSWER_SHAPES[late.shape](reply.body) };
		}
		writeReply(res, reply);
		this.log.add({ ...logged, status: reply.status, ...(late ? { handledStatus: reply.status, fault: 'answer' as const } : {}) });
	}

	private async execute(match: RouteMatch, ctx: RequestContext): Promise<Reply> {
		try {
			if (match.kind === 'not_found') throw new ApiError(404, 'not_found', `No endpoint ${ctx.method} ${ctx.path}`);
			if (match.kind === 'method_not_allowed') {
				throw new ApiError(405, 'method_not_allowed', `Method ${ctx.method} is not allowed on ${ctx.path}`, {
					headers: { Allow: match.allowed.join(', ') },
				});
			}
			ctx.params = match.params;
			return await match.route.handler(ctx);
		} catch (error) {
			return errorReply(error);
		}
	}

	private context(parts: RequestParts): RequestContext {
		return {
			...parts,
			params: {},
			contentType: mediaType(parts.headers['content-type']),
			store: this.current,
			options: this.options,
			agentHandle: parts.auth.kind === 'valid' ? parts.auth.agent.handle : undefined,
		};
	}

	private freshStore(): Store {
		const store = new Store();
		seedStore(store, this.identities, Date.now(), this.options.seed);
		connectWebhooks(store, this.webhooks);
		return store;
	}

	private agentOr404(handle: string): AgentRecord {
		const agent = this.current.agentByHandle(handle);
		if (!agent) throw notFound('Agent');
		return agent;
	}
}
