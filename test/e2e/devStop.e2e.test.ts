/**
 * Stopping `npm run dev` (scripts/demo.ts: the sandbox and a real n8n editor) every way a user does:
 * Ctrl+C in the terminal (SIGINT to the process group npm leads), SIGTERM to npm (which forwards it
 * to its `sh -c` only), SIGTERM or SIGHUP to the demo's node process, and Ctrl+C while the example
 * workflows still run. Each time, within STOP_WITHIN_MS, nothing listens on the editor's or the
 * sandbox's port and no process of the run is left: npm, its shell, the demo, n8n and its task
 * runner, `n8n execute`. The editor gets a free port (`npm run dev -- --port N`), not 5678, which a
 * user's own n8n may hold.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { freePort, isRunning, processStat, REPO_ROOT } from '../../scripts/n8n';

const READY_WITHIN_MS = 300_000;
const STOP_WITHIN_MS = 10_000;

interface Process {
	pid: number;
	ppid: number;
	command: string;
}

function allProcesses(): Process[] {
	return fs.readdirSync('/proc').flatMap((entry) => {
		const pid = Number(entry);
		const stat = /^\d+$/.test(entry) ? processStat(pid) : undefined;
		const command = stat && commandOf(pid);
		return stat && command !== undefined ? [{ pid, ppid: stat.ppid, command }] : [];
	});
}

function commandOf(pid: number): string | undefined {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
	} catch {
		return undefined;
	}
}

/** Whether the process still runs (a PID taken by another command since does not count). */
function stillRunning(p: Process): boolean {
	return isRunning(p.pid) && commandOf(p.pid) === p.command;
}

/** The process and everything it started, n8n's own process groups included. */
function processTree(root: number): Process[] {
	const all = allProcesses();
	const tree = all.filter((p) => p.pid === root);
	for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i].pid));
	return tree;
}

async function listening(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm run dev -- --port N` in a process group of its own, as a terminal runs a foreground command. */
class DevRun {
	readonly npm: ChildProcess;
	private readonly outputFile: string;
	private readonly started = Date.now();
	/** Every process of the run when it was told to stop. */
	stopped: Process[] = [];

	constructor(readonly port: number) {
		this.outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dev-stop-')), 'output');
		const out = fs.openSync(this.outputFile, 'w');
		this.npm = spawn('npm', ['run', 'dev', '--', '--port', String(port)], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', out, out] });
		fs.closeSync(out);
	}

	output(): string {
		return fs.readFileSync(this.outputFile, 'utf8');
	}

	tree(): Process[] {
		return processTree(this.npm.pid!);
	}

	/** Waits until `ready` holds, or fails with what the run printed. */
	async waitUntil(what: string, ready: () => Promise<boolean> | boolean): Promise<number> {
		while (!(await ready())) {
			if (this.npm.exitCode !== null || this.npm.signalCode !== null) throw new Error(`npm run dev ended before ${what}:\n${this.output()}`);
			if (Date.now() - this.started > READY_WITHIN_MS) throw new Error(`no ${what} after ${READY_WITHIN_MS} ms:\n${this.output()}`);
			await sleep(250);
		}
		return Date.now() - this.started;
	}

	async editorReady(): Promise<number> {
		return await this.waitUntil('editor', async () => this.output().includes('Press Ctrl+C to stop') && (await listening(this.port)));
	}

	sandboxPort(): number {
		// "- sandbox on http://127.0.0.1:N; …" at the start, "sandbox      http://127.0.0.1:N (…" with the editor.
		const url = /\bsandbox(?: on)?\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(this.output());
		if (!url) throw new Error(`the demo printed no sandbox URL:\n${this.output()}`);
		return Number(url[1]);
	}

	demoPid(): number {
		// Not npm's `sh -c "… && node .build/scripts/demo.js …"`: the node process itself.
		const demo = this.tree().find((p) => /^\S*node \.build\/scripts\/demo\.js /.test(p.command));
		if (!demo) throw new Error(`no demo process under npm (${this.npm.pid}): ${JSON.stringify(this.tree())}`);
		return demo.pid;
	}

	signal(target: 'group' | 'npm' | 'demo', signal: NodeJS.Signals): void {
		this.stopped = this.tree();
		const pid = target === 'group' ? -this.npm.pid! : target === 'npm' ? this.npm.pid! : this.demoPid();
		process.kill(pid, signal);
	}

	/** Milliseconds until every process of the run is gone and nothing listens on `ports`. */
	async gone(ports: number[]): Promise<{ ms: number; left: Process[]; listening: number[] }> {
		const sent = Date.now();
		for (;;) {
			const left = this.stopped.filter(stillRunning);
			const open = (await Promise.all(ports.map(async (port) => ((await listening(port)) ? [port] : [])))).flat();
			if ((left.length === 0 && open.length === 0) || Date.now() - sent > STOP_WITHIN_MS) return { ms: Date.now() - sent, left, listening: open };
			await sleep(100);
		}
	}

	/** Kills whatever a failed test left (a PID only while it still runs the same command), and removes the output. */
	dispose(): void {
		for (const p of [...this.stopped, ...this.tree()].filter(stillRunning)) {
			try {
				process.kill(p.pid, 'SIGKILL');
			} catch {
				// gone meanwhile
			}
		}
		fs.rmSync(path.dirname(this.outputFile), { recursive: true, force: true });
	}
}

describe('npm run dev stops n8n and the sandbox however the user stops it', () => {
	let run: DevRun | undefined;
	const measured: string[] = [];

	afterEach(() => run?.dispose());
	afterAll(() => process.stderr.write(`npm run dev, stopped:\n${measured.join('\n')}\n`));

	const cases: Array<{ name: string; target: 'group' | 'npm' | 'demo'; signal: NodeJS.Signals; reason: string }> = [
		{ name: 'Ctrl+C in its terminal (SIGINT to the process group)', target: 'group', signal: 'SIGINT', reason: 'SIGINT' },
		{ name: 'SIGTERM to npm', target: 'npm', signal: 'SIGTERM', reason: 'npm exited' },
		{ name: 'SIGTERM to the demo process', target: 'demo', signal: 'SIGTERM', reason: 'SIGTERM' },
		{ name: 'SIGHUP to the demo process (its terminal closed)', target: 'demo', signal: 'SIGHUP', reason: 'SIGHUP' },
	];

	it.each(cases)('$name, once the editor is up', async ({ target, signal, reason }) => {
		run = new DevRun(await freePort());
		const readyMs = await run.editorReady();
		const ports = [run.port, run.sandboxPort()];
		const commands = run.tree().map((p) => p.command);
		expect(commands.some((c) => /n8n start$/.test(c))).toBe(true);

		run.signal(target, signal);
		const { ms, left, listening: open } = await run.gone(ports);
		measured.push(`  ${signal} to ${target}: editor ready after ${(readyMs / 1000).toFixed(1)} s, everything gone ${(ms / 1000).toFixed(1)} s after the signal`);
		expect(open).toEqual([]);
		expect(left).toEqual([]);
		expect(run.output()).toContain(`Stopping n8n and the sandbox (${reason})`);
	});

	it('Ctrl+C while the example workflows run', async () => {
		run = new DevRun(await freePort());
		await run.waitUntil('n8n execute', () => run!.tree().some((p) => / execute --id=/.test(p.command)));
		const ports = [run.port, run.sandboxPort()];

		run.signal('group', 'SIGINT');
		const { ms, left, listening: open } = await run.gone(ports);
		measured.push(`  SIGINT to the group while a workflow ran: everything gone ${(ms / 1000).toFixed(1)} s after the signal`);
		expect(open).toEqual([]);
		expect(left).toEqual([]);
		expect(run.output()).toContain('Stopping n8n and the sandbox (SIGINT)');
	});
});
