import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** The parent's environment without what would change n8n's behaviour (jest sets NODE_ENV=test). */
export function childEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key === 'NODE_ENV' || key === 'JEST_WORKER_ID' || key.startsWith('N8N_') || key.startsWith('DB_')) continue;
		env[key] = value;
	}
	return env;
}

export interface CliResult {
	code: number | null;
	/** The signal that ended the process (code is then null), e.g. SIGSEGV. */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Child processes still running, killed with their groups when this process exits. */
export const liveProcesses = new Set<ChildProcess>();

/** Signals the child's process group (n8n and its task runner); after the child exited, what is left of it. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// the group is gone
	}
}

process.once('exit', () => {
	for (const child of liveProcesses) killGroup(child, 'SIGKILL');
});

/** State and parent of a process from /proc (Linux); undefined when it is gone or there is no /proc. */
export function processStat(pid: number): { state: string; ppid: number } | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// "pid (comm) state ppid …", where comm may hold spaces and parentheses.
		const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { state, ppid: Number(ppid) };
	} catch {
		return undefined;
	}
}

/** Whether a process runs (a zombie, dead but not yet reaped, does not). */
export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
	}
	return processStat(pid)?.state !== 'Z';
}

/**
 * Calls `onGone` once the process that started this one is gone: its parent and, under `npm run`,
 * npm too. npm runs a script through `sh -c`, forwards SIGINT and SIGTERM to that shell only (which
 * exits and leaves its child running, now a child of init), and a killed npm leaves the shell.
 */
export function watchLauncher(onGone: () => void, intervalMs = 500): void {
	const parent = process.ppid;
	const launchers = [parent];
	const grandparent = process.env.npm_lifecycle_event ? processStat(parent)?.ppid : undefined;
	if (grandparent !== undefined && grandparent > 1) launchers.push(grandparent);
	const timer = setInterval(() => {
		if (process.ppid === parent && launchers.every(isRunning)) return;
		clearInterval(timer);
		onGone();
	}, intervalMs);
	timer.unref();
}

/**
 * Runs a command to completion. Its output goes to files, not pipes: `n8n execute` ends with
 * process.exit(), which cuts off what is still queued for a pipe (a large run's JSON was truncated
 * that way), while writes to a file are synchronous and complete.
 */
export function runProcess(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	cwd: string,
	timeoutMs: number,
	onStart?: (pid: number) => void,
): Promise<CliResult> {
	const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cli-'));
	const outFile = path.join(outputDir, 'stdout');
	const errFile = path.join(outputDir, 'stderr');
	const out = fs.openSync(outFile, 'w');
	const err = fs.openSync(errFile, 'w');
	let collected: { stdout: string; stderr: string } | undefined;
	const collect = (): { stdout: string; stderr: string } => {
		if (!collected) {
			const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
			collected = { stdout: read(outFile), stderr: read(errFile) };
			fs.rmSync(outputDir, { recursive: true, force: true });
		}
		return collected;
	};
	return new Promise((resolve, reject) => {
		// Own process group, so that n8n's task runner goes down with it.
		const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, err] });
		fs.closeSync(out);
		fs.closeSync(err);
		liveProcesses.add(child);
		if (onStart && child.pid !== undefined) onStart(child.pid);
		const timer = setTimeout(() => {
			killGroup(child, 'SIGKILL');
			const { stdout, stderr } = collect();
			reject(new Error(`${path.basename(command)} ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			liveProcesses.delete(child);
			collect();
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			liveProcesses.delete(child);
			// A runner child may outlive n8n briefly; the group goes with it.
			killGroup(child, 'SIGKILL');
			resolve({ code, signal, ...collect() });
		});
	});
}
