import { appendFileSync, mkdirSync } from 'fs';
import { join } from 'path';

import type { LoggedRequest } from '../sandbox/types';

/** Where test runs leave a line for every successful request an operation sent. */
export const RUNS_DIR = join(__dirname, '..', '..', '.build', 'operation-runs');

export interface OperationRun {
	resource: string;
	operation: string;
	method: string;
	path: string;
	status: number;
}

export function recordOperationRun(resource: unknown, operation: unknown, requests: LoggedRequest[]): void {
	const lines = requests
		.filter((r) => r.status >= 200 && r.status < 300 && r.path !== '/api/auth/token')
		.map((r) =>
			JSON.stringify({
				resource: String(resource),
				operation: String(operation),
				method: r.method,
				path: r.path,
				status: r.status,
			} satisfies OperationRun),
		);
	if (!lines.length) return;
	mkdirSync(RUNS_DIR, { recursive: true });
	appendFileSync(join(RUNS_DIR, `${process.pid}.jsonl`), `${lines.join('\n')}\n`);
}
