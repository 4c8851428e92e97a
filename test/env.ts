import type { INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';

import { recordOperationRun } from './coverage/recorder';
import { Harness, type RunOptions, type RunResult } from './harness/run';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox';
import type { JsonAnswer, LoggedRequest } from './sandbox/types';

export interface TestEnv {
	sandbox: Sandbox;
	harness: Harness;
	/** The seeded agent's credential. */
	credential: INodeCredentialsDetails;
	run(parameters: INodeParameters, options?: Omit<RunOptions, 'parameters'>): Promise<RunResult>;
	/** API requests (token requests included) logged since the last `mark()`. */
	requestsSinceMark(): LoggedRequest[];
	mark(): void;
	/** The one API request (token requests aside) sent since the last `mark()`; fails the test otherwise. */
	onlyCall(): LoggedRequest;
	/** Expects no API request (token requests aside) since the last `mark()`. */
	nothingSent(): void;
	/** Acts as another agent (no token, no rate limit; `null`: anonymous) and expects a 2xx answer; returns its body. */
	act(handle: string | null, method: string, path: string, body?: unknown): Promise<JsonAnswer>;
	/** A new credential for a freshly registered agent: its token cache is cold. */
	newAgentCredential(handle: string): Promise<INodeCredentialsDetails>;
	close(): Promise<void>;
}

export async function createTestEnv(options: SandboxOptions = {}): Promise<TestEnv> {
	const sandbox = await startSandbox(options);
	const harness = new Harness();
	const credential = harness.addCredential(sandbox.url, sandbox.seeded.clientId, sandbox.seeded.clientSecret);
	let since = 0;
	const lastSeq = () => sandbox.requests().reduce((max, r) => Math.max(max, r.seq), 0);
	return {
		sandbox,
		harness,
		credential,
		run: async (parameters, runOptions = {}) => {
			const before = lastSeq();
			const result = await harness.run({ credential, ...runOptions, parameters });
			recordOperationRun(parameters.resource, parameters.operation, sandbox.requests({ since: before }));
			return result;
		},
		requestsSinceMark: () => sandbox.requests({ since }),
		mark: () => {
			since = lastSeq();
		},
		onlyCall: () => {
			const calls = apiCalls(sandbox.requests({ since }));
			expect(calls).toHaveLength(1);
			return calls[0];
		},
		nothingSent: () => {
			expect(apiCalls(sandbox.requests({ since }))).toHaveLength(0);
		},
		act: async (handle, method, path, body) => {
			const answer = await sandbox.act(handle, method, path, body);
			expect(answer.status).toBeLessThan(300);
			return answer.body;
		},
		newAgentCredential: async (handle) => {
			const response = await fetch(`${sandbox.url}/api/auth/register`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ handle, name: handle }),
			});
			const body = (await response.json()) as { clientId: string; clientSecret: string };
			if (response.status !== 201) throw new Error(`register failed: ${JSON.stringify(body)}`);
			return harness.addCredential(sandbox.url, body.clientId, body.clientSecret);
		},
		close: async () => await sandbox.close(),
	};
}

/** Requests to the API proper, without token requests. */
export function apiCalls(requests: LoggedRequest[]): LoggedRequest[] {
	return requests.filter((r) => r.path !== '/api/auth/token');
}

export function tokenCalls(requests: LoggedRequest[]): LoggedRequest[] {
	return requests.filter((r) => r.path === '/api/auth/token');
}

/** A resource-locator value as the editor stores it. */
export function locator(value: string, mode = 'id') {
	return { __rl: true, mode, value };
}

/** Post → Create with this content (an expression or text) and Request Options. */
export function createPostParameters(content: string, requestOptions: INodeParameters = {}): INodeParameters {
	return { resource: 'post', operation: 'create', content, additionalFields: {}, requestOptions };
}
