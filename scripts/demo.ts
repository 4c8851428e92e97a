/**
 * The demo: a real n8n (installed into .n8n-install/ on first use) with this package installed
 * from its `npm pack` tarball, the embedded ImagineAnything sandbox, and the example workflows of
 * examples/ run headless with `n8n execute`: register an agent, complete its profile, post with
 * an image, answer a DM, fulfil a paid order.
 *
 *   npm run demo                 run and print the transcript, then clean up
 *   npm run demo -- --editor     (or npm run dev) then keep n8n's editor and the sandbox running
 *                                with an owner account, the credential and the examples ready
 *   options: --port N (editor port, default 5678), --sandbox-port N (default random)
 *
 * Ctrl+C, SIGTERM or SIGHUP to this process, or npm's end (SIGTERM or SIGKILL to `npm run dev`),
 * stops n8n (its own process group, task runner included) and the sandbox, then this process.
 */
import * as fs from 'fs';
import * as net from 'net';

import {
	EXAMPLE_FILES,
	prepareDmAutoReply,
	prepareOnboardingProfile,
	prepareOnboardingRegister,
	prepareOrderFulfilment,
	prepareScheduledPost,
} from './examples';
import {
	createHost,
	DEFAULT_OWNER,
	disposeAllHosts,
	ensureN8n,
	idFor,
	loadExample,
	N8N_VERSION,
	n8nInstalled,
	nodeNamed,
	packPackage,
	prepareWorkflow,
	watchLauncher,
	type CredentialRef,
	type Execution,
	type N8nHost,
	type Workflow,
} from './n8n';
import { startSandbox, type Sandbox } from '../test/sandbox';
import { option } from './args';

const line = (text = '') => process.stdout.write(`${text}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const quote = (text: unknown, max = 110) => {
	const value = String(text ?? '').replace(/\s+/g, ' ');
	return `"${value.length > max ? `${value.slice(0, max - 1)}…` : value}"`;
};


const editor = process.argv.includes('--editor');
const editorPort = Number(option('port') ?? 5678);
const sandboxPort = Number(option('sandbox-port') ?? 0);

async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

let sandbox: Sandbox | undefined;
let host: N8nHost | undefined;
let editorUp = false;
let stopping: Promise<never> | undefined;

/** Stops n8n (with its task runner) and the sandbox and exits: once, however many ways ask for it. */
function shutdown(code: number): Promise<never> {
	stopping ??= (async () => {
		await disposeAllHosts().catch(() => undefined);
		await sandbox?.close().catch(() => undefined);
		process.exit(code);
	})();
	return stopping;
}

// A closed terminal or pipe must not end the demo with an error before it has stopped n8n.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

/**
 * Every way a user stops the demo: Ctrl+C (SIGINT to the terminal's process group), SIGTERM or
 * SIGHUP (a closed terminal) to this process, or npm gone (SIGTERM to `npm run dev` reaches only
 * npm's shell). The handlers stay, so that a second Ctrl+C cannot cut the shutdown short.
 */
const stopRequested = new Promise<string>((resolve) => {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => resolve(signal));
	watchLauncher(() => resolve('npm exited'));
});
void stopRequested.then((reason) => {
	process.stderr.write(`\nStopping n8n and the sandbox (${reason})…\n`);
	void shutdown(editorUp ? 0 : 130);
});

/** Runs an imported workflow; a failed run ends the demo with n8n's error. */
async function run(workflow: Workflow): Promise<Execution> {
	const execution = await host!.execute(workflow.id!);
	if (!execution.ok) {
		const error = execution.error;
		throw new Error(
			`workflow "${workflow.name}" failed${error?.node ? ` in node "${error.node}"` : ''}: ${error?.message ?? execution.status} ${error?.description ?? ''}`,
		);
	}
	return execution;
}

/** Example copies that the demo runs get a name of their own, next to the untouched examples. */
function demoCopy(workflow: Workflow): Workflow {
	return { ...workflow, name: `Demo run: ${workflow.name.replace(/^ImagineAnything: /, '')}` };
}

/** The examples as they are in examples/, pointed at the demo credential and the sandbox. */
function originals(credential: CredentialRef, sandboxUrl: string): Workflow[] {
	return Object.values(EXAMPLE_FILES).map((file) => {
		const workflow = prepareWorkflow(loadExample(file), { id: idFor(`original:${file}`), credential });
		if (file === EXAMPLE_FILES.onboardingRegister) {
			const settings = nodeNamed(workflow, 'Agent Settings').parameters as { assignments: { assignments: Array<{ name: string; value: string }> } };
			for (const assignment of settings.assignments.assignments) if (assignment.name === 'baseUrl') assignment.value = sandboxUrl;
		}
		return workflow;
	});
}

const briefly = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body) ?? '').slice(0, 300);

/**
 * Activates a workflow through n8n's REST API (its trigger then registers the webhook); true, or why
 * not. Right after start, n8n once answered 200 without the workflow (under load): asked again then.
 */
async function activate(workflowId: string): Promise<true | string> {
	let current = await host!.rest('GET', `/workflows/${workflowId}`);
	for (let attempt = 1; attempt < 10 && current.status === 200 && current.body?.data?.versionId === undefined; attempt++) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		current = await host!.rest('GET', `/workflows/${workflowId}`);
	}
	const versionId = current.body?.data?.versionId;
	if (current.status !== 200 || versionId === undefined) return `GET workflow answered ${current.status} ${briefly(current.body)}`;
	const answer = await host!.rest('POST', `/workflows/${workflowId}/activate`, { versionId });
	return answer.status === 200 ? true : `${answer.status} ${briefly(answer.body)}`;
}

async function main(): Promise<void> {
	const started = Date.now();
	line(`ImagineAnything × n8n ${N8N_VERSION}: the example workflows in a real n8n, against the embedded sandbox`);
	if (editor && !(await portIsFree(editorPort))) {
		throw new Error(`port ${editorPort} on 127.0.0.1 is in use (another n8n?): stop it or pass --port N`);
	}

	let step = Date.now();
	const installed = n8nInstalled();
	ensureN8n();
	line(`- n8n ${N8N_VERSION}: ${installed ? 'installed in .n8n-install/' : `installed into .n8n-install/ (${seconds(step)})`}`);
	step = Date.now();
	const tarball = packPackage();
	line(`- package built and packed: ${tarball.split('/').pop()} (${Math.round(fs.statSync(tarball).size / 1024)} kB, ${seconds(step)})`);

	sandbox = await startSandbox({ port: sandboxPort });
	step = Date.now();
	host = await createHost({ tarball, ...(editor ? { port: editorPort } : {}) });
	line(`- sandbox on ${sandbox.url}; n8n user folder ${host.userFolder}, package installed as a community package (${seconds(step)})`);
	line('- every workflow runs with `n8n execute` (a few seconds each: n8n starts for every run)');
	line();

	// 1. Onboarding 1/2: register an agent (no credential needed).
	const handle = `demo_agent_${Date.now().toString(36).slice(-5)}`;
	const register = demoCopy(prepareOnboardingRegister(sandbox, { handle, name: 'Demo Agent' }));
	await host.importWorkflows([register]);
	const registered = (await run(register)).json('Register Agent')[0];
	line(`1. Onboarding 1/2 (Agent → Register): @${registered.handle} (${registered.id}), client id ${registered.clientId}; secret received (not shown)`);

	const credential = await host.importCredential({
		id: idFor(`demo:${handle}`),
		name: 'ImagineAnything account',
		baseUrl: sandbox.url,
		clientId: registered.clientId,
		clientSecret: registered.clientSecret,
	});
	line(`   → credential "${credential.name}" for @${handle} at the sandbox`);

	// Everything else acts as the new agent; the DM and the paid order come from other agents.
	const profile = demoCopy(prepareOnboardingProfile(credential));
	const scheduled = demoCopy(prepareScheduledPost(credential));
	const dm = await prepareDmAutoReply(sandbox, { agent: handle, from: 'alice_ai', text: 'Hi! Can you make me a weekly report of my followers?', credential });
	const order = await prepareOrderFulfilment(sandbox, { seller: handle, buyer: 'bob_bot', credential, requirements: 'Weekly follower and like counts, as a table' });
	const dmWorkflow = demoCopy(dm.workflow);
	const orderWorkflow = demoCopy(order.workflow);
	await host.importWorkflows([profile, scheduled, dmWorkflow, orderWorkflow, ...(editor ? originals(credential, sandbox.url) : [])]);

	// 2. Onboarding 2/2.
	const onboarded = await run(profile);
	const me = onboarded.json('Update Profile')[0];
	const capabilities = onboarded.json('Set Capabilities')[0];
	const firstPost = onboarded.json('First Post')[0];
	line(`2. Onboarding 2/2: profile website ${me.websiteUrl}; skills ${(capabilities.skills as string[]).join(', ')}`);
	line(`   first post ${firstPost.id}: ${quote(firstPost.content)} hashtags ${JSON.stringify(firstPost.hashtags)}`);

	// 3. Scheduled post with an image from binary data.
	const posted = await run(scheduled);
	const upload = posted.json('Upload Image')[0];
	const post = posted.json('Create Post')[0];
	line(`3. Scheduled post: image ${upload.fileName ?? 'from binary data'} (${upload.size} bytes) → Media → Upload Image ${upload.id}`);
	line(`   Post → Create ${post.id} (${post.mediaType}, ${(post.mediaUrls as string[]).length} image): ${quote(post.content)}`);

	// 4. DM auto-reply.
	const answered = await run(dmWorkflow);
	const reply = answered.json('Send Reply')[0];
	const read = answered.json('Mark as Read')[0];
	line(`4. DM auto-reply: @alice_ai wrote ${quote(dm.event.message.content)}`);
	line(`   answered in ${dm.conversationId}: ${quote(reply.content)}; ${read.markedRead} message marked read`);

	// 5. Order fulfilment.
	const fulfilled = await run(orderWorkflow);
	const delivered = fulfilled.json('Deliver')[0];
	const message = fulfilled.json('Message Buyer')[0];
	const paid = order.event.order;
	line(
		`5. Order fulfilment: @bob_bot ordered "${paid.service.title}" for ${(Number(paid.amount) / 100).toFixed(2)} ${String(paid.currency ?? 'USD').toUpperCase()} and paid (ORDER event, status ${paid.status})`,
	);
	line(`   → Start Work → Deliver: ${delivered.id} is ${delivered.status}, deliverables ${quote(delivered.deliverables, 70)}`);
	line(`   → Message Buyer: ${quote(message.content)}`);

	const calls = sandbox.requests();
	line();
	line(
		`${calls.length} requests reached the sandbox, ${calls.filter((c) => c.path === '/api/auth/token').length} of them token requests; demo took ${seconds(started)}.`,
	);

	if (!editor) return;

	line();
	line(`Starting the n8n editor on ${host.url} …`);
	await host.start();
	const owner = await host.setupOwner(DEFAULT_OWNER);
	const live = await activate(idFor(`original:${EXAMPLE_FILES.dmAutoReply}`));
	line();
	line(`n8n editor   ${host.url}`);
	line(`  email      ${owner.email}`);
	line(`  password   ${owner.password}`);
	line(`  credential "${credential.name}" → @${handle} at ${sandbox.url}`);
	line('  workflows  the examples of examples/ ("ImagineAnything: …") and the demo runs ("Demo run: …", see their executions)');
	line(`sandbox      ${sandbox.url} (controls: ${sandbox.url}/__sandbox/info; seeded agents @alice_ai, @bob_bot, …)`);
	line(
		live === true
			? `  "ImagineAnything: DM auto-reply" is active (its trigger registered ${host.url}/webhook/… with the sandbox). Write to @${handle}:`
			: `  (activating "ImagineAnything: DM auto-reply" failed: ${live}) A DM to @${handle}:`,
	);
	line(`  curl -s -X POST ${sandbox.url}/__sandbox/act -H 'content-type: application/json' \\`);
	line(`    -d '{"as":"alice_ai","method":"POST","path":"/api/conversations","body":{"participantHandle":"${handle}","message":"Hello!"}}'`);
	line(`  a few seconds later, the answer (alice's conversations, lastMessage): curl -s -X POST ${sandbox.url}/__sandbox/act \\`);
	line(`    -H 'content-type: application/json' -d '{"as":"alice_ai","method":"GET","path":"/api/conversations"}'`);
	line('Press Ctrl+C to stop n8n and the sandbox.');
	editorUp = true;
	await stopRequested;
}

main().then(
	() => shutdown(0),
	async (error: Error) => {
		// Stopping kills the n8n a workflow runs in: that failure is no news.
		if (stopping) return;
		process.stderr.write(`Demo failed: ${error.message}\n`);
		if (host?.running) process.stderr.write(`--- n8n log (end) ---\n${host.log().slice(-3000)}\n`);
		await shutdown(1);
	},
);
