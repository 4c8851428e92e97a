/**
 * Headless end to end in a real n8n (2.8.4 unless N8N_E2E_VERSION): the package is packed and
 * installed as a community package into a fresh N8N_USER_FOLDER, workflows are imported and run
 * with `n8n execute` against the sandbox, and both their output and what reached the wire are checked.
 */
import * as fs from 'fs';

import { startSandbox, type LoggedRequest, type Sandbox } from '../sandbox';
import { mediaState } from '../sandbox/state/media';
import {
	prepareDmAutoReply,
	prepareOnboardingProfile,
	prepareOnboardingRegister,
	prepareOrderFulfilment,
	prepareScheduledPost,
} from '../../scripts/examples';
import {
	createHost,
	describeRun,
	disposeAllHosts,
	idFor,
	itemsWorkflow,
	NODE_TYPES,
	prepareWorkflow,
	type BranchNode,
	type CredentialRef,
	type Execution,
	type N8nHost,
	type Workflow,
	type WorkflowNode,
} from '../../scripts/n8n';

const progress = (text: string) => process.stderr.write(`[e2e] ${text}\n`);

let sandbox: Sandbox;
let host: N8nHost;
let credential: CredentialRef;
let wrongCredential: CredentialRef;
const workflows: Record<string, Workflow> = {};
const prepared: {
	dm?: Awaited<ReturnType<typeof prepareDmAutoReply>>;
	order?: Awaited<ReturnType<typeof prepareOrderFulfilment>>;
} = {};

const ONBOARDED_HANDLE = 'e2e_onboarded';
const onboardedCredential: CredentialRef = { id: idFor('e2e:onboarded-agent'), name: 'ImagineAnything onboarded agent' };
const EXTRA_POSTS = 210;

/** A linear workflow: Manual Trigger → the given nodes, in order. */
type LinearNode = { name: string; parameters: Record<string, unknown>; executeOnce?: boolean; alwaysOutputData?: boolean };

function linear(name: string, nodes: LinearNode[]): Workflow {
	const all: WorkflowNode[] = [
		{ id: idFor(`${name}/start`), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...nodes.map((node, index) => ({
			id: idFor(`${name}/${node.name}`),
			name: node.name,
			type: NODE_TYPES.action,
			typeVersion: 1,
			position: [220 * (index + 1), 0] as [number, number],
			parameters: node.parameters,
			credentials: { imagineAnythingApi: credential },
			...(node.executeOnce ? { executeOnce: true } : {}),
			...(node.alwaysOutputData ? { alwaysOutputData: true } : {}),
		})),
	];
	const connections: Workflow['connections'] = {};
	for (let i = 0; i < all.length - 1; i++) connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return prepareWorkflow({ name, nodes: all, connections }, { id: idFor(`e2e:${name}`), credential });
}

/**
 * Items → the likes of each item's post, once with On Error "Continue" and once with "Continue
 * (using error output)", each followed by a Set node reading the input item through pairing.
 * Item 1's post does not exist.
 */
function failedItemsWorkflow(): Workflow {
	const name = 'E2E: failed items stay paired';
	const likes = (nodeName: string, onError: string): BranchNode => ({
		name: nodeName,
		type: NODE_TYPES.action,
		typeVersion: 1,
		parameters: { resource: 'post', operation: 'getLikes', postId: { __rl: true, mode: 'id', value: '={{ $json.post }}' }, returnAll: true },
		credentials: { imagineAnythingApi: credential },
		onError,
	});
	// A Code node, as users read an earlier node's item after this one (a Set node's expressions
	// cannot read other nodes under `n8n execute` in n8n 1.x, whatever node sits in between).
	const readInput = (nodeName: string, y: number): WorkflowNode => ({
		id: idFor(`${name}/${nodeName}`),
		name: nodeName,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [660, y],
		parameters: { mode: 'runOnceForEachItem', jsCode: "return { json: { ...$json, inputPost: $('Items').item.json.post } };" },
	});
	const workflow = itemsWorkflow(name, [{ post: likedPost }, { post: 'post_missing' }, { post: likedPost }], [
		likes('Likes (Continue)', 'continueRegularOutput'),
		likes('Likes (Error Output)', 'continueErrorOutput'),
	]);
	workflow.nodes.push(readInput('After Continue', 0), readInput('Liked', 150), readInput('Failed', 300));
	workflow.connections['Likes (Continue)'] = { main: [[{ node: 'After Continue', type: 'main', index: 0 }]] };
	workflow.connections['Likes (Error Output)'] = { main: [[{ node: 'Liked', type: 'main', index: 0 }], [{ node: 'Failed', type: 'main', index: 0 }]] };
	return prepareWorkflow(workflow, { id: idFor(`e2e:${name}`), credential });
}
let likedPost = '';

/** One operation of every resource of the ImagineAnything node (reads where a write needs setup). */
const EVERY_RESOURCE: Array<{ name: string; parameters: Record<string, unknown>; wire: [string, RegExp] }> = [
	{ name: 'Agent', parameters: { resource: 'agent', operation: 'getMe' }, wire: ['GET', /^\/api\/agents\/me$/] },
	{ name: 'Analytics', parameters: { resource: 'analytics', operation: 'getOverview', range: '7d' }, wire: ['GET', /^\/api\/analytics\/overview$/] },
	{ name: 'Blog Article', parameters: { resource: 'blogArticle', operation: 'getMany', limit: 2 }, wire: ['GET', /^\/api\/blog$/] },
	{ name: 'Byte', parameters: { resource: 'byte', operation: 'getMany', limit: 2 }, wire: ['GET', /^\/api\/bytes$/] },
	{ name: 'Connected AI Service', parameters: { resource: 'aiService', operation: 'getMany' }, wire: ['GET', /^\/api\/settings\/services$/] },
	{ name: 'Conversation', parameters: { resource: 'conversation', operation: 'getMany', limit: 5 }, wire: ['GET', /^\/api\/conversations$/] },
	{ name: 'Discovery', parameters: { resource: 'discovery', operation: 'getTrendingHashtags', limit: 3 }, wire: ['GET', /^\/api\/hashtags\/trending$/] },
	{ name: 'Generation', parameters: { resource: 'generation', operation: 'getHistory', limit: 5 }, wire: ['GET', /^\/api\/generate\/history$/] },
	{ name: 'Marketplace Order', parameters: { resource: 'marketplaceOrder', operation: 'getMany', limit: 5 }, wire: ['GET', /^\/api\/marketplace\/orders$/] },
	{ name: 'Marketplace Payment Account', parameters: { resource: 'marketplacePaymentAccount', operation: 'getStatus' }, wire: ['GET', /^\/api\/marketplace\/connect$/] },
	{ name: 'Marketplace Payout', parameters: { resource: 'marketplacePayout', operation: 'getSummary' }, wire: ['GET', /^\/api\/marketplace\/payouts$/] },
	{ name: 'Marketplace Service', parameters: { resource: 'marketplaceService', operation: 'getMany', limit: 5 }, wire: ['GET', /^\/api\/marketplace\/services$/] },
	{
		name: 'Marketplace Review',
		parameters: { resource: 'marketplaceReview', operation: 'getMany', serviceId: "={{ $('Marketplace Service').first().json.id }}", limit: 5 },
		wire: ['GET', /^\/api\/marketplace\/reviews$/],
	},
	{ name: 'Media', parameters: { resource: 'media', operation: 'getMany', limit: 5 }, wire: ['GET', /^\/api\/upload$/] },
	{
		name: 'Message',
		parameters: { resource: 'message', operation: 'get', messageId: "={{ $('Conversation').first().json.lastMessage.id }}" },
		wire: ['GET', /^\/api\/messages\/msg_/],
	},
	{ name: 'Notification', parameters: { resource: 'notification', operation: 'getUnreadCount' }, wire: ['GET', /^\/api\/notifications\/count$/] },
	{ name: 'Post', parameters: { resource: 'post', operation: 'getTimeline', limit: 3 }, wire: ['GET', /^\/api\/posts$/] },
	{ name: 'Profile', parameters: { resource: 'profile', operation: 'getCapabilities' }, wire: ['GET', /^\/api\/agents\/me\/capabilities$/] },
	{
		name: 'Report',
		parameters: {
			resource: 'report',
			operation: 'create',
			targetType: 'post',
			reportedPostId: { __rl: true, mode: 'id', value: "={{ $('Post').first().json.id }}" },
			reason: 'SPAM',
			additionalFields: { description: 'Reported by the n8n e2e suite' },
		},
		wire: ['POST', /^\/api\/reports$/],
	},
];

let lastSeq = 0;
const markWire = () => {
	lastSeq = sandbox.requests().reduce((max, r) => Math.max(max, r.seq), 0);
};
const wire = (): LoggedRequest[] => sandbox.requests({ since: lastSeq });
const apiWire = () => wire().filter((r) => r.path !== '/api/auth/token');
const line = (r: LoggedRequest) => `${r.status} ${r.method} ${r.path}`;

async function execute(key: string): Promise<Execution> {
	markWire();
	const started = Date.now();
	const execution = await host.execute(workflows[key].id!);
	progress(`${workflows[key].name}: ${describeRun(execution)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	if (!execution.ok && key !== 'failure' && key !== 'wrongSecret') progress(`stdout:\n${execution.stdout}\nstderr:\n${execution.stderr}`);
	return execution;
}

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox();
	host = await createHost({ log: progress });
	progress(`n8n ${host.version} user folder ${host.userFolder}; sandbox ${sandbox.url}`);
	credential = await host.importCredential({ baseUrl: sandbox.url, clientId: sandbox.seeded.clientId, clientSecret: sandbox.seeded.clientSecret });

	// What the reading workflows find: a conversation with a message, a service of another agent, many posts.
	await sandbox.act('bob_bot', 'POST', '/api/conversations', { participantHandle: sandbox.seeded.handle, message: 'Hello from Bob' });
	await sandbox.act('alice_ai', 'POST', '/api/marketplace/services', {
		title: 'Prompt Review',
		description: 'I review and improve your prompts for image generation',
		shortDesc: 'Better prompts',
		price: 900,
		deliveryDays: 2,
		revisions: 1,
		category: 'WRITING',
		tags: ['prompts'],
	});
	likedPost = (await sandbox.act('carol_analyst', 'POST', '/api/posts', { content: 'Liked by two #e2e' })).body.post.id;
	for (const handle of ['alice_ai', 'bob_bot']) await sandbox.act(handle, 'POST', `/api/posts/${likedPost}/like`);
	const authors = ['alice_ai', 'bob_bot', 'carol_analyst', 'dave_auto'];
	for (let i = 0; i < EXTRA_POSTS; i++) {
		const answer = await sandbox.act(authors[i % authors.length], 'POST', '/api/posts', { content: `Filler post ${i + 1} for pagination #e2e` });
		if (answer.status !== 201) throw new Error(`filler post: ${JSON.stringify(answer.body)}`);
	}

	workflows.everyResource = linear(
		'E2E: one operation of every resource',
		// Run once each, and go on after an empty list (Blog Article has none).
		EVERY_RESOURCE.map(({ name, parameters }) => ({ name, parameters, executeOnce: true, alwaysOutputData: true })),
	);
	workflows.returnAll = linear('E2E: return all across pages', [{ name: 'Timeline', parameters: { resource: 'post', operation: 'getTimeline', returnAll: true } }]);
	workflows.tokenExpiry = linear('E2E: token expiry mid-run', [
		{ name: 'Who Am I', parameters: { resource: 'agent', operation: 'getMe' } },
		{ name: 'Timeline', parameters: { resource: 'post', operation: 'getTimeline', limit: 2 }, executeOnce: true },
		{ name: 'Unread', parameters: { resource: 'notification', operation: 'getUnreadCount' }, executeOnce: true },
	]);
	workflows.failure = linear('E2E: a failing request', [
		{ name: 'Get Missing Post', parameters: { resource: 'post', operation: 'get', postId: { __rl: true, mode: 'id', value: 'post_does_not_exist' } } },
	]);
	workflows.failedItems = failedItemsWorkflow();
	workflows.wrongSecret = linear('E2E: a wrong Client Secret', [{ name: 'Who Am I', parameters: { resource: 'agent', operation: 'getMe' } }]);
	wrongCredential = await host.importCredential({
		baseUrl: sandbox.url,
		clientId: sandbox.seeded.clientId,
		clientSecret: 'ia_secret_not_the_right_one_0123',
		id: idFor('e2e:wrong-secret'),
		name: 'Wrong secret',
	});
	workflows.wrongSecret = prepareWorkflow(workflows.wrongSecret, { id: workflows.wrongSecret.id!, credential: wrongCredential });
	workflows.scheduledPost = prepareScheduledPost(credential);
	prepared.dm = await prepareDmAutoReply(sandbox, { agent: sandbox.seeded.handle, from: 'alice_ai', text: 'Hi! Do you do custom reports?', credential });
	workflows.dmAutoReply = prepared.dm.workflow;
	prepared.order = await prepareOrderFulfilment(sandbox, { seller: sandbox.seeded.handle, buyer: 'bob_bot', credential });
	workflows.orderFulfilment = prepared.order.workflow;
	workflows.onboardingRegister = prepareOnboardingRegister(sandbox, { handle: ONBOARDED_HANDLE });
	// Its credential is imported once 1/2 has registered the agent (the id is known beforehand).
	workflows.onboardingProfile = prepareOnboardingProfile(onboardedCredential);

	await host.importWorkflows(Object.values(workflows));
	progress(`set up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 900_000);

afterAll(async () => {
	await disposeAllHosts();
	await sandbox?.close();
});

test('the package is installed as a community package with its three node types', () => {
	const installed = JSON.parse(fs.readFileSync(`${host.userFolder}/.n8n/nodes/node_modules/n8n-nodes-imagineanything/package.json`, 'utf8'));
	expect(installed.n8n.nodes).toHaveLength(3);
	expect(fs.existsSync(`${host.userFolder}/.n8n/nodes/node_modules/n8n-workflow`)).toBe(false);
});

test('one operation of every resource runs, each one request on the wire', async () => {
	const execution = await execute('everyResource');
	expect(execution.error).toBeUndefined();
	expect(execution.ok).toBe(true);
	expect(execution.nodesRun).toEqual(['Start', ...EVERY_RESOURCE.map((r) => r.name)]);

	expect(execution.json('Agent')[0]).toMatchObject({ handle: sandbox.seeded.handle });
	expect(execution.json('Post')).toHaveLength(3);
	expect(execution.json('Conversation')[0]).toMatchObject({ lastMessage: { content: expect.any(String) } });
	expect(execution.json('Message')[0]).toMatchObject({ id: execution.json('Conversation')[0].lastMessage.id });
	expect(execution.json('Marketplace Service').length).toBeGreaterThan(0);
	expect(execution.json('Notification')[0]).toEqual({ count: expect.any(Number) });
	expect(execution.json('Report')[0]).toMatchObject({ reportedPostId: execution.json('Post')[0].id, reason: 'SPAM', status: 'PENDING' });
	for (const { name } of EVERY_RESOURCE) expect(execution.runData[name][0].error).toBeUndefined();

	const calls = apiWire();
	expect(calls.map((c) => c.status).every((s) => s >= 200 && s < 300)).toBe(true);
	expect(calls).toHaveLength(EVERY_RESOURCE.length);
	EVERY_RESOURCE.forEach(({ name, wire: [method, path] }, index) => {
		expect({ name, method: calls[index].method, path: calls[index].path }).toEqual({ name, method, path: expect.stringMatching(path) });
	});
	expect(calls[EVERY_RESOURCE.findIndex((r) => r.name === 'Post')].query).toMatchObject({ limit: '3' });
	const report = calls.find((c) => c.path === '/api/reports')!;
	expect(report.body).toEqual({ reportedPostId: execution.json('Post')[0].id, reason: 'SPAM', description: 'Reported by the n8n e2e suite' });
	// At most one token request: the token is cached and persisted with the credential.
	expect(wire().filter((r) => r.path === '/api/auth/token').length).toBeLessThanOrEqual(1);
});

test('Return All follows the cursor across pages', async () => {
	const execution = await execute('returnAll');
	expect(execution.ok).toBe(true);
	const posts = execution.json('Timeline');
	expect(posts.length).toBe(sandbox.store.posts.size);
	expect(posts.length).toBeGreaterThan(EXTRA_POSTS);
	expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);

	const pages = apiWire();
	expect(pages.length).toBe(Math.ceil(posts.length / 100));
	expect(pages.every((p) => p.method === 'GET' && p.path === '/api/posts' && p.status === 200 && p.query.limit === '100')).toBe(true);
	expect(pages[0].query.cursor).toBeUndefined();
	for (const page of pages.slice(1)) expect(page.query.cursor).toEqual(expect.any(String));
});

test('access tokens that expire mid-run are renewed and the run succeeds', async () => {
	// Tokens expire just before the Timeline request and again just before the Unread request.
	sandbox.addFault({ method: 'GET', path: '/api/posts', expireTokens: true });
	sandbox.addFault({ method: 'GET', path: '/api/notifications/count', expireTokens: true });
	const execution = await execute('tokenExpiry');
	expect(execution.error).toBeUndefined();
	expect(execution.ok).toBe(true);
	expect(execution.json('Who Am I')[0]).toMatchObject({ handle: sandbox.seeded.handle });
	expect(execution.json('Timeline')).toHaveLength(2);
	expect(execution.json('Unread')[0]).toEqual({ count: expect.any(Number) });

	const calls = wire();
	expect(calls.map(line)).toEqual([
		'200 GET /api/agents/me',
		'401 GET /api/posts',
		'200 POST /api/auth/token',
		'200 GET /api/posts',
		'401 GET /api/notifications/count',
		'200 POST /api/auth/token',
		'200 GET /api/notifications/count',
	]);
	// n8n keeps the access token in the credential, the refresh token lives in the process only:
	// a fresh `n8n execute` renews with the client credentials, later renewals use the refresh token.
	expect(calls[2].body).toMatchObject({ grant_type: 'client_credentials' });
	expect(calls[5].body).toMatchObject({ grant_type: 'refresh_token' });
	const bearer = (r: LoggedRequest) => r.headers.authorization;
	expect(bearer(calls[1])).toBe(bearer(calls[0]));
	expect(bearer(calls[3])).not.toBe(bearer(calls[1]));
	expect(bearer(calls[4])).toBe(bearer(calls[3]));
	expect(bearer(calls[6])).not.toBe(bearer(calls[4]));
	expect(execution.stdout).not.toContain(sandbox.seeded.clientSecret);
});

test("a failing request stops the run with the service's message", async () => {
	const execution = await execute('failure');
	expect(execution.ok).toBe(false);
	expect(execution.error?.node).toBe('Get Missing Post');
	expect(`${execution.error?.message} ${execution.error?.description ?? ''}`).toMatch(/not found/i);
	expect(apiWire().map(line)).toEqual(['404 GET /api/posts/post_does_not_exist']);
	expect(execution.stdout).not.toContain(sandbox.seeded.clientSecret);
});

test('failed items stay paired to their inputs with Continue and with the error output; expressions after the node read the input item', async () => {
	const execution = await execute('failedItems');
	expect(execution.ok).toBe(true);
	const notFound = expect.stringMatching(/^Get the likes of a post \(Post post_missing\) failed: ImagineAnything answered 404\. /);

	// Continue: every output item is paired; the failed one says what failed, in fields too.
	const continued = execution.json('After Continue');
	expect(continued.map((item) => item.inputPost)).toEqual([likedPost, likedPost, 'post_missing', likedPost, likedPost]);
	expect(continued[2]).toEqual({
		error: 'Post not found (Post post_missing)',
		message: notFound,
		operation: 'Get the likes of a post',
		httpCode: 404,
		postId: 'post_missing',
		inputPost: 'post_missing',
	});

	// Error output: the failed item leaves on it (with its input item's fields, as n8n adds them), the rest on the main output.
	expect(execution.json('Liked').map((item) => item.inputPost)).toEqual([likedPost, likedPost, likedPost, likedPost]);
	expect(execution.json('Failed')).toEqual([{ post: 'post_missing', error: 'Post not found (Post post_missing)', message: notFound, inputPost: 'post_missing' }]);
});

test('a wrong Client Secret stops the run with one accurate message', async () => {
	const execution = await execute('wrongSecret');
	expect(execution.ok).toBe(false);
	expect(execution.error?.message).toBe(
		'ImagineAnything rejected the Client ID or Client Secret of this ImagineAnything API credential (Invalid client credentials)',
	);
	expect(execution.error?.description).toBe('Open the credential and paste the Client ID and Client Secret you received when the agent was registered.');
	expect(`${execution.stdout}${execution.stderr}`).not.toMatch(/Could not reach|your network/);
	expect(wire().map(line)).toEqual(['401 POST /api/auth/token']);
});

describe('example workflows', () => {
	test('scheduled post: binary data from Convert to File is uploaded and posted with its media ID', async () => {
		const execution = await execute('scheduledPost');
		expect(execution.ok).toBe(true);
		const file = execution.items('Image to File')[0].binary!.data;
		expect(file).toMatchObject({ mimeType: 'image/png' });
		const upload = execution.json('Upload Image')[0];
		expect(upload).toMatchObject({ id: expect.any(String), type: 'IMAGE', contentType: 'image/png', purpose: 'post' });
		const post = execution.json('Create Post')[0];
		expect(post).toMatchObject({ mediaType: 'IMAGE', mediaUrls: [upload.url], hashtags: expect.arrayContaining(['n8n', 'automation']) });
		expect(post.content).toMatch(/^Good morning from n8n! Today is /);

		const calls = apiWire();
		expect(calls.map(line)).toEqual(['201 POST /api/upload', '201 POST /api/posts']);
		const composed = execution.json('Compose Post')[0];
		const png = Buffer.from(composed.imageBase64, 'base64');
		expect(calls[0].body).toMatchObject({
			multipart: true,
			fields: { purpose: 'post' },
			files: [{ field: 'file', filename: composed.fileName, contentType: 'image/png', size: png.length }],
		});
		expect(mediaState(sandbox.store).file(upload.id)!.data.equals(png)).toBe(true);
		expect(calls[1].body).toMatchObject({ content: composed.text, mediaIds: [upload.id] });
	});

	test('DM auto-reply: answers in the conversation of the MESSAGE event and marks it read', async () => {
		const { conversationId, event } = prepared.dm!;
		const execution = await execute('dmAutoReply');
		expect(execution.ok).toBe(true);
		expect(execution.json('New Direct Message')[0]).toEqual(event);
		expect(execution.json('Send Reply')[0]).toMatchObject({ conversationId, content: expect.stringContaining('Hi @alice_ai') });
		expect(execution.json('Mark as Read')[0]).toMatchObject({ markedRead: 1 });

		const calls = apiWire();
		expect(calls.map(line)).toEqual([
			`201 POST /api/conversations/${conversationId}/messages`,
			`200 POST /api/conversations/${conversationId}/read`,
		]);
		expect(calls[0].body).toEqual({ content: expect.stringContaining('You wrote: "Hi! Do you do custom reports?"') });
		const seen = await sandbox.act('alice_ai', 'GET', `/api/conversations/${conversationId}/messages`);
		expect(seen.body.messages[0]).toMatchObject({ content: expect.stringContaining('automatic answer'), isOwn: false });
	});

	test('order fulfilment: a paid order is started, delivered and the buyer is messaged', async () => {
		const { orderId } = prepared.order!;
		const execution = await execute('orderFulfilment');
		expect(execution.ok).toBe(true);
		expect(execution.json('Start Work')[0]).toMatchObject({ id: orderId, status: 'IN_PROGRESS' });
		expect(execution.json('Deliver')[0]).toMatchObject({ id: orderId, status: 'DELIVERED', deliverables: expect.stringContaining('Daily Automation Report') });
		expect(execution.json('Message Buyer')[0]).toMatchObject({ orderId, content: expect.stringContaining('Hi @bob_bot') });

		expect(apiWire().map(line)).toEqual([
			'200 GET /api/agents/me',
			`200 PATCH /api/marketplace/orders/${orderId}`,
			`200 PATCH /api/marketplace/orders/${orderId}`,
			`201 POST /api/marketplace/orders/${orderId}/messages`,
		]);
		const order = await sandbox.act('bob_bot', 'GET', `/api/marketplace/orders/${orderId}`);
		expect(order.body.order ?? order.body).toMatchObject({ status: 'DELIVERED' });
	});

	test('onboarding: registers an agent, then completes its profile and first post with its new credential', async () => {
		const first = await execute('onboardingRegister');
		expect(first.ok).toBe(true);
		const registered = first.json('Register Agent')[0];
		expect(registered).toMatchObject({ handle: ONBOARDED_HANDLE, clientId: expect.any(String), clientSecret: expect.any(String) });
		expect(wire().map(line)).toEqual(['201 POST /api/auth/register']);
		expect(wire()[0].body).toMatchObject({ handle: ONBOARDED_HANDLE, name: 'My n8n Agent', agentType: 'AUTOMATION' });
		expect(wire()[0].headers.authorization).toBeUndefined();

		// What the user does with Register's answer: an ImagineAnything API credential.
		await host.importCredential({ ...onboardedCredential, baseUrl: sandbox.url, clientId: registered.clientId, clientSecret: registered.clientSecret });
		const second = await execute('onboardingProfile');
		expect(second.ok).toBe(true);
		expect(second.json('Update Profile')[0]).toMatchObject({ handle: ONBOARDED_HANDLE, websiteUrl: 'https://n8n.io' });
		expect(second.json('Set Capabilities')[0]).toMatchObject({ skills: ['automation', 'scheduling', 'customer support'], responseTime: 'fast' });
		expect(second.json('First Post')[0]).toMatchObject({ hashtags: expect.arrayContaining(['n8n', 'introduction', 'automation']) });

		const calls = wire();
		expect(calls.map(line)).toEqual(['200 POST /api/auth/token', '200 PATCH /api/agents/me', '200 PATCH /api/agents/me/capabilities', '201 POST /api/posts']);
		expect(calls.every((c) => c.agentHandle === ONBOARDED_HANDLE)).toBe(true);
		expect(calls[0].body).toMatchObject({ grant_type: 'client_credentials', client_id: registered.clientId });
		expect(calls[2].body).toMatchObject({ skills: ['automation', 'scheduling', 'customer support'], apis: ['n8n', 'ImagineAnything'] });
	});
});
