import { randomBytes } from 'crypto';

import { createHost, type N8nHost } from './host';
import { n8nBin, n8nTraits } from './install';
import { N8N_VERSION } from './paths';
import { freePort } from './processes';
import { answers200, ServiceProcess, startPostgres, startRedis, type PostgresServer, type RedisServer } from './services';

export interface QueueClusterOptions {
	version?: string;
	/** Default: packPackage() (env N8N_E2E_TARBALL). */
	tarball?: string;
	/** `n8n worker` processes. Default 2. */
	workers?: number;
	/** Executions each worker runs at once (`--concurrency`). Default 2. */
	concurrency?: number;
	/** Extra environment for every n8n process. */
	env?: Record<string, string>;
	log?: (line: string) => void;
}

/** An `n8n worker` or `n8n webhook` process, with the user folder (package installed) and environment of its host. */
export class N8nService {
	readonly service: ServiceProcess;

	constructor(
		readonly name: string,
		readonly host: N8nHost,
		command: 'worker' | 'webhook',
		args: string[],
		env: Record<string, string>,
	) {
		// A worker's health server listens on the host's port; a webhook processor serves webhooks there.
		const ready = () => answers200(`${host.url}/healthz/readiness`);
		this.service = new ServiceProcess({ name, command: n8nBin(host.version), args: [command, ...args], cwd: host.userFolder, env: { ...host.env(), ...env }, ready });
	}

	get running(): boolean {
		return this.service.running;
	}

	log(): string {
		return this.service.log();
	}

	async start(): Promise<void> {
		await this.service.start();
	}

	async stop(): Promise<void> {
		await this.service.stop();
	}
}

/** Executions a worker's log says it started ("Worker started execution 12 (job 7)"), in order. */
export function executionsStarted(log: string): string[] {
	return [...log.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
}

/**
 * n8n in queue mode on 127.0.0.1: Redis (Bull) and Postgres shared by a main process (`n8n start`:
 * editor, REST, activation, pollers), workers (`n8n worker`: every execution) and a webhook processor
 * (`n8n webhook`: production webhooks; WEBHOOK_URL points there, so that is the URL triggers
 * register). Each process has its own user folder with the package installed and the same
 * encryption key. QueueCluster.create(), then start(); dispose() at the end.
 */
export class QueueCluster {
	private constructor(
		readonly redis: RedisServer,
		readonly postgres: PostgresServer,
		readonly main: N8nHost,
		readonly workers: N8nService[],
		readonly webhook: N8nService,
		private readonly log: (line: string) => void,
	) {}

	/** Where production webhooks are called: the webhook processor, e.g. http://127.0.0.1:PORT/ */
	get webhookUrl(): string {
		return `${this.webhook.host.url}/`;
	}

	static async create(options: QueueClusterOptions = {}): Promise<QueueCluster> {
		const version = options.version ?? N8N_VERSION;
		const log = options.log ?? (() => undefined);
		const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
		log(`redis on ${redis.port}, postgres on ${postgres.port}`);
		const webhookPort = await freePort();
		const env: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			[n8nTraits(version).webhookUrlVariable]: `http://127.0.0.1:${webhookPort}/`,
			// Runs started from the editor or REST go to the workers too.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			...options.env,
		};
		const hostFor = async (port?: number) => await createHost({ version, tarball: options.tarball, port, env, log });
		const main = await hostFor();
		const webhookHost = await hostFor(webhookPort);
		const concurrency = String(options.concurrency ?? 2);
		const workers: N8nService[] = [];
		for (let i = 1; i <= (options.workers ?? 2); i++) {
			const host = await hostFor();
			workers.push(
				new N8nService(`worker ${i}`, host, 'worker', [`--concurrency=${concurrency}`], {
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(host.port),
				}),
			);
		}
		const webhook = new N8nService('webhook processor', webhookHost, 'webhook', [], { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		return new QueueCluster(redis, postgres, main, workers, webhook, log);
	}

	/** Main first (it migrates the database and activates workflows), then the workers and the webhook processor. */
	async start(): Promise<void> {
		let started = Date.now();
		await this.main.start();
		this.log(`main ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${this.main.url}`);
		started = Date.now();
		await Promise.all([...this.workers, this.webhook].map(async (process) => await process.start()));
		this.log(`workers and webhook processor ready in ${((Date.now() - started) / 1000).toFixed(1)} s; webhooks at ${this.webhookUrl}`);
	}

	/** Which worker started each execution (execution id → worker name), from the workers' logs. */
	executionWorkers(): Map<string, string> {
		const byExecution = new Map<string, string>();
		for (const worker of this.workers) for (const id of executionsStarted(worker.log())) byExecution.set(id, worker.name);
		return byExecution;
	}

	/** Every n8n process, then Redis and Postgres; user folders removed. */
	async dispose(): Promise<void> {
		await Promise.all([this.webhook, ...this.workers].map(async (process) => await process.stop()));
		await Promise.all([this.main, this.webhook.host, ...this.workers.map((worker) => worker.host)].map(async (host) => await host.dispose()));
		await Promise.all([this.redis.stop(), this.postgres.stop()]);
	}
}
