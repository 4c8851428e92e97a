import type { JsonAnswer } from '../../test/sandbox/types';
import type { CliResult } from './processes';

export interface ExecutionItem {
	json: Record<string, JsonAnswer>;
	binary?: Record<string, { mimeType?: string; fileName?: string; fileSize?: string; [key: string]: unknown }>;
}

export interface Execution {
	/**
	 * The run's own status is success and it has no error. How `n8n execute` exited does not count:
	 * n8n 2.41.1 on Node 24 sometimes crashes (SIGSEGV) on exit after a run that succeeded and printed its result.
	 */
	ok: boolean;
	/** n8n's status: success, error, … ('unparsed' when no JSON could be read from the output). */
	status: string;
	/** How the `n8n execute` process ended. */
	exit: Pick<CliResult, 'code' | 'signal'>;
	error?: { message: string; description?: string; node?: string; [key: string]: unknown };
	lastNode?: string;
	runData: Record<string, Array<{ data?: { main?: Array<ExecutionItem[] | null> }; error?: unknown; [key: string]: unknown }>>;
	/** Names of the nodes that ran, in the order their first run started. */
	nodesRun: string[];
	/** Output items of a node (run 0, output 0 unless given); [] when it did not run. */
	items(node: string, options?: { run?: number; output?: number }): ExecutionItem[];
	json(node: string, options?: { run?: number; output?: number }): Array<Record<string, JsonAnswer>>;
	stdout: string;
	stderr: string;
}

/** What is read of the run JSON `n8n execute` prints (n8n's IRun, serialized). */
interface RunJson {
	status?: string;
	data: {
		resultData: {
			runData?: Execution['runData'];
			lastNodeExecuted?: string;
			error?: { message?: unknown; node?: string | { name?: string }; [key: string]: unknown };
		};
	};
}

/** The run JSON in `n8n execute` output: after the logs on success, inside the log on failure. */
function extractRunJson(stdout: string): RunJson | undefined {
	const starts: number[] = [];
	const lines = stdout.split('\n');
	let offset = 0;
	for (const text of lines) {
		if (text === '{') starts.push(offset);
		offset += text.length + 1;
	}
	for (const start of starts) {
		const end = stdout.indexOf('\n}', start);
		for (let close = end; close >= 0; close = stdout.indexOf('\n}', close + 1)) {
			try {
				const parsed = JSON.parse(stdout.slice(start, close + 2));
				if (parsed && typeof parsed === 'object' && parsed.data?.resultData) return parsed;
			} catch {
				// not the end of this object yet
			}
		}
	}
	return undefined;
}

export function toExecution({ stdout, stderr, code, signal }: CliResult): Execution {
	const run = extractRunJson(stdout);
	const resultData: RunJson['data']['resultData'] = run?.data?.resultData ?? {};
	const runData: Execution['runData'] = resultData.runData ?? {};
	const items: Execution['items'] = (node, options = {}) =>
		(runData[node]?.[options.run ?? 0]?.data?.main?.[options.output ?? 0] ?? []) as ExecutionItem[];
	const nodesRun = Object.entries(runData)
		.map(([name, runs]) => ({ name, start: Number((runs[0] as { startTime?: number })?.startTime ?? 0) }))
		.sort((a, b) => a.start - b.start)
		.map((entry) => entry.name);
	const error = resultData.error
		? { ...resultData.error, message: String(resultData.error.message ?? ''), node: typeof resultData.error.node === 'string' ? resultData.error.node : resultData.error.node?.name }
		: run
			? undefined
			: { message: `no execution result in the output of n8n execute (${signal ?? `exit ${String(code)}`})` };
	return {
		ok: run?.status === 'success' && !resultData.error,
		status: run?.status ?? 'unparsed',
		exit: { code, signal },
		error,
		lastNode: resultData.lastNodeExecuted,
		runData,
		nodesRun,
		items,
		json: (node, options) => items(node, options).map((item) => item.json),
		stdout,
		stderr,
	};
}

/** The run's status, and how `n8n execute` ended when that was not the usual way (killed by a signal, or a non-zero exit after a success). */
export function describeRun(execution: Execution): string {
	const { code, signal } = execution.exit;
	const unusual = signal ? `ended by ${signal}` : execution.status === 'success' && code !== 0 ? `exit ${String(code)}` : '';
	return unusual ? `${execution.status} (n8n execute ${unusual})` : execution.status;
}
