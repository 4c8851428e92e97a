import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { childEnv, freePort, killGroup, liveProcesses } from './processes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ServiceSpec {
	/** For messages and logs: "redis", "worker 1"… */
	name: string;
	command: string;
	args: string[];
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	/** Whether the service answers yet; polled every 250 ms after the start. */
	ready: () => Promise<boolean>;
	/** The signal of a clean stop (default SIGTERM). */
	stopSignal?: NodeJS.Signals;
}

/**
 * A long-running child (Redis, Postgres, an n8n worker or webhook processor) in a process group of
 * its own, its output kept in memory, killed with its group when this process exits.
 */
export class ServiceProcess {
	private child?: ChildProcess;
	private output = '';

	constructor(readonly spec: ServiceSpec) {}

	get running(): boolean {
		return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
	}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** stdout and stderr so far (the last megabyte or two). */
	log(): string {
		return this.output;
	}

	async start(timeoutMs = 120_000): Promise<void> {
		if (this.running) return;
		this.output = '';
		const { name, command, args, env, cwd } = this.spec;
		const child = spawn(command, args, { cwd, env: env ?? childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		liveProcesses.add(child);
		this.child = child;
		const append = (chunk: Buffer) => {
			this.output += chunk.toString('utf8');
			if (this.output.length > 2_000_000) this.output = this.output.slice(-1_000_000);
		};
		child.stdout!.on('data', append);
		child.stderr!.on('data', append);
		child.on('error', (error) => (this.output += `\n[${name}] ${error.message}\n`));
		child.on('close', () => {
			liveProcesses.delete(child);
			killGroup(child, 'SIGKILL');
		});
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!this.running) throw new Error(`${name} exited (code ${String(child.exitCode)}, signal ${String(child.signalCode)}):\n${this.output.slice(-4000)}`);
			if (await this.spec.ready().catch(() => false)) return;
			await sleep(250);
		}
		await this.stop();
		throw new Error(`${name} did not become ready within ${timeoutMs} ms:\n${this.output.slice(-4000)}`);
	}

	/** The stop signal to the service alone (it stops its own children), its whole group killed after 20 s or once it exited. */
	async stop(): Promise<void> {
		const child = this.child;
		this.child = undefined;
		if (!child) return;
		if (child.exitCode !== null || child.signalCode !== null) {
			killGroup(child, 'SIGKILL');
			return;
		}
		const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
		child.kill(this.spec.stopSignal ?? 'SIGTERM');
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000);
		await closed;
		clearTimeout(timer);
		killGroup(child, 'SIGKILL');
	}
}

/** Answers whether an HTTP GET of `url` gives 200 (within 2 s). */
export async function answers200(url: string): Promise<boolean> {
	const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
	await response.arrayBuffer();
	return response.status === 200;
}

export interface RedisServer {
	host: string;
	port: number;
	process: ServiceProcess;
	stop(): Promise<void>;
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let reply = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
		});
	});
}

/** Debian's redis-server on a free 127.0.0.1 port, nothing written to disk. */
export async function startRedis(): Promise<RedisServer> {
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	const service = new ServiceProcess({
		name: 'redis',
		command: 'redis-server',
		args: ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir],
		ready: async () => await redisPing(port),
	});
	await service.start(30_000);
	return {
		host: '127.0.0.1',
		port,
		process: service,
		stop: async () => {
			await service.stop();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

export interface PostgresServer {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	process: ServiceProcess;
	stop(): Promise<void>;
}

/** The bin folder of the newest Postgres Debian installed (/usr/lib/postgresql/<major>/bin). */
export function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((entry) => fs.existsSync(path.join(root, entry, 'bin', 'initdb'))) : [];
	if (majors.length === 0) throw new Error('Postgres is not installed (Debian package postgresql): scripts/e2e/queue.sh installs it');
	return path.join(root, majors.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/** Postgres refuses to run as root: as root, its commands run as `nobody` (setpriv execs them, so signals reach Postgres itself). */
function asServiceUser(command: string, args: string[]): [string, string[]] {
	if (os.userInfo().uid !== 0) return [command, args];
	return ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--init-groups', command, ...args]];
}

function idOf(flag: '-u' | '-g', user: string): number {
	const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`id ${flag} ${user}: ${result.stderr}`);
	return Number(result.stdout.trim());
}

function runOk(command: string, args: string[], what: string): void {
	const result = spawnSync(command, args, { encoding: 'utf8', env: { ...childEnv(), LC_ALL: 'C' } });
	if (result.status !== 0) throw new Error(`${what} failed (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
}

/**
 * A throwaway Postgres cluster in a temporary folder (trust authentication, fsync off), on a free
 * 127.0.0.1 port, with a database and owner for n8n. Removed again by stop().
 */
export async function startPostgres(): Promise<PostgresServer> {
	const bin = postgresBin();
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	if (os.userInfo().uid === 0) fs.chownSync(dir, idOf('-u', 'nobody'), idOf('-g', 'nobody'));
	const data = path.join(dir, 'data');
	runOk(...asServiceUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']), 'initdb');
	const [command, args] = asServiceUser(path.join(bin, 'postgres'), [
		'-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir,
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
	]);
	const service = new ServiceProcess({
		name: 'postgres',
		command,
		args,
		env: { ...childEnv(), LC_ALL: 'C' },
		// SIGINT: Postgres's fast shutdown.
		stopSignal: 'SIGINT',
		ready: async () => spawnSync(path.join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).status === 0,
	});
	await service.start(60_000);
	const server: PostgresServer = {
		host: '127.0.0.1',
		port,
		database: 'n8n',
		user: 'n8n',
		password: 'n8n-queue',
		process: service,
		stop: async () => {
			await service.stop();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	runOk(
		path.join(bin, 'psql'),
		[
			'-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q',
			'-c', `CREATE ROLE ${server.user} LOGIN PASSWORD '${server.password}'`,
			'-c', `CREATE DATABASE ${server.database} OWNER ${server.user}`,
		],
		'creating the n8n database',
	);
	return server;
}
