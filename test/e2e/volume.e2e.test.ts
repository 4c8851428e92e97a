/**
 * Volume and faults in a real n8n (`n8n execute`, the package installed from its tarball) against
 * the sandbox: a batch larger than the write limit is paced and finishes with every item; writes
 * whose answer is lost are never sent twice and say they may have been applied; reads are tried
 * again; a garbled 2xx is an error; a 429 of the token endpoint is waited out; Continue On Fail
 * keeps every item paired to its input.
 */
import { rateLimitFault, startSandbox, type LoggedRequest, type Sandbox } from '../sandbox';
import { createHost, describeRun, disposeAllHosts, itemsWorkflow, NODE_TYPES, type CredentialRef, type Execution, type N8nHost, type Workflow } from '../../scripts/n8n';

const progress = (text: string) => process.stderr.write(`[e2e volume] ${text}\n`);

const WRITE_LIMIT = 10;
const WINDOW_MS = 3000;
const BATCH = 45;

let sandbox: Sandbox;
let host: N8nHost;

async function agentCredential(handle: string): Promise<CredentialRef> {
	const answer = await sandbox.act(null, 'POST', '/api/auth/register', { handle, name: handle });
	if (answer.status !== 201) throw new Error(`register ${handle}: ${JSON.stringify(answer.body)}`);
	const { clientId, clientSecret } = answer.body as { clientId: string; clientSecret: string };
	return await host.importCredential({ baseUrl: sandbox.url, clientId, clientSecret, name: `ImagineAnything ${handle}` });
}

/** The nodes, each on a branch of its own over `items`, all continuing on failure. */
function workflow(name: string, items: unknown[], nodes: Array<{ name: string; parameters: Record<string, unknown> }>, credential: CredentialRef): Workflow {
	return itemsWorkflow(
		`E2E volume: ${name}`,
		items,
		nodes.map((node) => ({ ...node, type: NODE_TYPES.action, typeVersion: 1, credentials: { imagineAnythingApi: credential }, onError: 'continueRegularOutput' })),
	);
}

async function run(definition: Workflow): Promise<{ execution: Execution; wire: LoggedRequest[] }> {
	const since = sandbox.requests().reduce((max, r) => Math.max(max, r.seq), 0);
	await host.importWorkflows([definition]);
	const started = Date.now();
	const execution = await host.execute(definition.id as string, { timeoutMs: 600_000 });
	progress(`${definition.name}: ${describeRun(execution)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	if (execution.status !== 'success') progress(`stdout:\n${execution.stdout.slice(-4000)}\nstderr:\n${execution.stderr.slice(-4000)}`);
	return { execution, wire: sandbox.requests({ since }) };
}

const created = (handle: string): string[] => {
	const agent = sandbox.store.agentByHandle(handle);
	return [...sandbox.store.posts.values()].filter((p) => p.agentId === agent?.id).map((p) => p.content);
};

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimits: { write: WRITE_LIMIT }, rateWindowMs: WINDOW_MS });
	host = await createHost({ log: progress });
	progress(`n8n ${host.version} user folder ${host.userFolder}; sandbox ${sandbox.url}`);
}, 900_000);

afterAll(async () => {
	await disposeAllHosts();
	await sandbox?.close();
});

test(`${BATCH} × Post → Create at ${WRITE_LIMIT} writes per ${WINDOW_MS / 1000} s: every item created once, in order, paced rather than refused`, async () => {
	const credential = await agentCredential('e2e_paced');
	const texts = Array.from({ length: BATCH }, (_, i) => `paced in n8n #${i}`);
	const { execution, wire } = await run(
		workflow('paced batch', texts.map((text) => ({ text })), [
			{ name: 'Create', parameters: { resource: 'post', operation: 'create', content: '={{ $json.text }}', additionalFields: {} } },
		], credential),
	);
	expect(execution.status).toBe('success');
	const items = execution.json('Create');
	expect(items.map((item) => item.content)).toEqual(texts);
	expect(execution.items('Create').map((item) => (item as { pairedItem?: unknown }).pairedItem)).toEqual(texts.map((_, item) => ({ item })));
	const writes = wire.filter((r) => r.method === 'POST' && r.path === '/api/posts');
	expect(writes.filter((r) => r.status === 429).length).toBeLessThanOrEqual(1);
	expect(created('e2e_paced')).toEqual(texts);
	// The service never counted more than its limit in any window.
	const times = writes.filter((r) => r.status === 201).map((r) => r.time);
	for (let i = WRITE_LIMIT; i < times.length; i++) expect(times[i] - times[i - WRITE_LIMIT]).toBeGreaterThanOrEqual(WINDOW_MS);
});

test('faults: lost answers to writes are not sent again and say so, reads are tried again, a garbled 2xx fails, a token 429 is waited out', async () => {
	const credential = await agentCredential('e2e_faults');
	const target = (await sandbox.act('alice_ai', 'POST', '/api/posts', { content: 'a post for the fault suite' })).body.post.id as string;
	// The first request of the run is the token request: refused once, then granted.
	sandbox.addFault({ method: 'POST', path: '/api/auth/token', ...rateLimitFault('auth', 1) });
	sandbox.addFault({ method: 'POST', path: '/api/posts', stage: 'answer', status: 502, body: '<html>502 Bad Gateway</html>', headers: { 'Content-Type': 'text/html' } });
	sandbox.addFault({ method: 'POST', path: `/api/posts/${target}/comments`, stage: 'answer', reset: true });
	sandbox.addFault({ method: 'POST', path: `/api/posts/${target}/like`, stage: 'answer', delayMs: 4000 });
	sandbox.addFault({ method: 'PATCH', path: '/api/agents/me', stage: 'answer', status: 200, body: '<html>Welcome</html>', headers: { 'Content-Type': 'text/html' } });
	sandbox.addFault({ method: 'GET', path: '/api/agents/bob_bot', status: 503, times: 2 });
	const postId = { __rl: true, mode: 'id', value: target };
	const { execution, wire } = await run(
		workflow('faults', [{ n: 1 }], [
			{ name: 'Create (502 after it)', parameters: { resource: 'post', operation: 'create', content: 'made behind a 502 in n8n', additionalFields: {} } },
			{ name: 'Comment (reset after it)', parameters: { resource: 'post', operation: 'comment', postId, content: 'made behind a reset in n8n', additionalFields: {} } },
			{ name: 'Like (slower than Timeout)', parameters: { resource: 'post', operation: 'like', postId, requestOptions: { timeout: 1500 } } },
			{ name: 'Update Profile (HTML 200)', parameters: { resource: 'agent', operation: 'updateMe', updateFields: { bio: 'changed behind an HTML page' } } },
			{ name: 'Get Bob (503 twice)', parameters: { resource: 'agent', operation: 'get', handle: { __rl: true, mode: 'handle', value: 'bob_bot' } } },
		], credential),
	);
	expect(execution.status).toBe('success');
	const error = (node: string) => String(execution.json(node)[0]?.error ?? '');
	expect(error('Create (502 after it)')).toMatch(/ImagineAnything answered 502 to "Create a post".*it may have been applied/);
	expect(error('Comment (reset after it)')).toMatch(/No answer from ImagineAnything to "Comment on a post".*it may have been applied/);
	expect(error('Like (slower than Timeout)')).toMatch(/No answer from ImagineAnything to "Like a post" \(no answer in time\): it may have been applied/);
	expect(error('Update Profile (HTML 200)')).toMatch(/ImagineAnything answered 200 to "Update your own profile" without a JSON object: it may have been applied/);
	expect(execution.json('Get Bob (503 twice)')[0]).toMatchObject({ handle: 'bob_bot' });

	// The sandbox logs the slow like once its late answer is written.
	const likePath = `/api/posts/${target}/like`;
	for (let waited = 0; waited < 6000 && !sandbox.requests({ path: likePath }).length; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
	wire.push(...sandbox.requests({ path: likePath }).filter((r) => !wire.includes(r)));
	const count = (method: string, path: string) => wire.filter((r) => r.method === method && r.path === path).length;
	// Each write was sent once, and the service did each of them once.
	expect(count('POST', '/api/posts')).toBe(1);
	expect(count('POST', `/api/posts/${target}/comments`)).toBe(1);
	expect(count('POST', `/api/posts/${target}/like`)).toBe(1);
	expect(count('PATCH', '/api/agents/me')).toBe(1);
	expect(created('e2e_faults')).toEqual(['made behind a 502 in n8n']);
	expect(count('GET', '/api/agents/bob_bot')).toBe(3);
	expect(wire.filter((r) => r.path === '/api/auth/token').map((r) => r.status)).toEqual([429, 200]);
});

test('Continue On Fail: a failing item among others keeps every item paired to its input', async () => {
	const credential = await agentCredential('e2e_paired');
	const good = (await sandbox.act('alice_ai', 'POST', '/api/posts', { content: 'readable' })).body.post.id as string;
	const { execution } = await run(
		workflow('paired errors', [{ id: good }, { id: 'post_missing' }, { id: good }], [
			{ name: 'Get', parameters: { resource: 'post', operation: 'get', postId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } } },
		], credential),
	);
	expect(execution.status).toBe('success');
	const items = execution.items('Get') as Array<{ json: Record<string, unknown>; pairedItem?: unknown }>;
	expect(items.map((item) => item.json.id ?? 'error')).toEqual([good, 'error', good]);
	expect(String(items[1].json.error)).toMatch(/not found/i);
	expect(items[0].pairedItem).toEqual({ item: 0 });
	expect(items[2].pairedItem).toEqual({ item: 2 });
});
