/**
 * How the e2e suites judge an `n8n execute` run (scripts/n8n/execution.ts): by the run's own
 * status, not by how the process ended. n8n 2.41.1 on Node 24 sometimes dies with SIGSEGV on exit
 * after a run that succeeded and printed its result. Here a process prints what `n8n execute
 * --rawOutput` prints and then dies the same way, through the same runProcess the host uses.
 */
import * as os from 'os';

import { describeRun, toExecution } from '../scripts/n8n';
import { runProcess } from '../scripts/n8n/processes';

const run = (status: string, error?: Record<string, unknown>) => ({
	data: { resultData: { runData: { Start: [{ startTime: 1, data: { main: [[{ json: { ok: 1 } }]] } }] }, ...(error ? { error } : {}) } },
	mode: 'cli',
	status,
});

/** A node process that writes `stdout` (n8n's logs, then the run's JSON) and ends as `end` says. */
async function cli(stdout: string, end: 'SIGSEGV' | number) {
	const ending = end === 'SIGSEGV' ? "process.kill(process.pid, 'SIGSEGV')" : `process.exit(${end})`;
	return await runProcess(process.execPath, ['-e', `process.stdout.write(${JSON.stringify(stdout)}); ${ending};`], process.env, os.tmpdir(), 20_000);
}

const printed = (value: unknown) => `Loading workflow\n${JSON.stringify(value, null, 2)}\n`;

describe('n8n execute results', () => {
	it('a successful run whose process then segfaults is a success, and says how the process ended', async () => {
		const execution = toExecution(await cli(printed(run('success')), 'SIGSEGV'));
		expect(execution).toMatchObject({ ok: true, status: 'success', exit: { code: null, signal: 'SIGSEGV' } });
		expect(execution.error).toBeUndefined();
		expect(execution.json('Start')).toEqual([{ ok: 1 }]);
		expect(describeRun(execution)).toBe('success (n8n execute ended by SIGSEGV)');
	});

	it('a process that segfaults before the result is complete is a failure that names the signal', async () => {
		const execution = toExecution(await cli(printed(run('success')).slice(0, 60), 'SIGSEGV'));
		expect(execution).toMatchObject({ ok: false, status: 'unparsed', exit: { signal: 'SIGSEGV' } });
		expect(execution.error?.message).toBe('no execution result in the output of n8n execute (SIGSEGV)');
	});

	it('a failed run is a failure whatever the exit', async () => {
		for (const end of [0, 1, 'SIGSEGV'] as const) {
			const execution = toExecution(await cli(printed(run('error', { message: 'Post not found', node: { name: 'Get' } })), end));
			expect({ end, ok: execution.ok, status: execution.status, error: execution.error }).toEqual({
				end,
				ok: false,
				status: 'error',
				error: { message: 'Post not found', node: 'Get' },
			});
		}
	});

	it('a run that printed success and exited 0 is a success', async () => {
		const execution = toExecution(await cli(printed(run('success')), 0));
		expect(execution).toMatchObject({ ok: true, status: 'success', exit: { code: 0, signal: null } });
		expect(describeRun(execution)).toBe('success');
	});
});
