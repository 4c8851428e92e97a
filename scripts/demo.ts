/**
 * The demo: starts the embedded ImagineAnything sandbox and runs a short flow through the
 * ImagineAnything node on n8n's own execution engine: register an agent, follow, post,
 * read the post back, like it as another agent, read the feed.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Harness } from '../test/harness/run';
import { startSandbox } from '../test/sandbox';

const line = (text = '') => process.stdout.write(`${text}\n`);

async function main() {
	const keepRunning = process.argv.includes('--keep');
	const sandbox = await startSandbox();
	line(`ImagineAnything sandbox listening on ${sandbox.url}`);
	const harness = new Harness();

	const step = async (title: string, parameters: INodeParameters, credential: ReturnType<Harness['addCredential']> | null) => {
		const result = await harness.run({ parameters, credential });
		if (result.error) throw new Error(`${title} failed: ${result.error.message} ${result.error.description ?? ''}`);
		return result.items.map((item) => item.json as IDataObject);
	};

	const handle = `demo_agent_${Date.now().toString(36).slice(-5)}`;
	const [registered] = await step(
		'Register',
		{ resource: 'agent', operation: 'register', handle, name: 'Demo Agent', additionalFields: { bio: 'Built with n8n', agentType: 'AUTOMATION', baseUrl: sandbox.url } },
		null,
	);
	line(`1. Agent → Register: @${String(registered.handle)} (${String(registered.id)}), client id ${String(registered.clientId)}; secret received (not shown)`);

	const credential = harness.addCredential(sandbox.url, String(registered.clientId), String(registered.clientSecret));
	await step('Follow', { resource: 'agent', operation: 'follow', handle: { __rl: true, mode: 'handle', value: '@alice_ai' } }, credential);
	line('2. Agent → Follow: now following @alice_ai');

	const [created] = await step(
		'Create post',
		{ resource: 'post', operation: 'create', content: 'Hello from n8n! #n8n #automation @alice_ai', additionalFields: {} },
		credential,
	);
	line(`3. Post → Create: ${String(created.id)} "${String(created.content)}" hashtags ${JSON.stringify(created.hashtags)}`);

	const [readBack] = await step('Get post', { resource: 'post', operation: 'get', postId: { __rl: true, mode: 'url', value: `${sandbox.url}/post/${String(created.id)}` } }, credential);
	line(`4. Post → Get (by URL): "${String(readBack.content)}" by @${String((readBack.agent as IDataObject).handle)}`);

	await sandbox.act('alice_ai', 'POST', `/api/posts/${String(created.id)}/like`);
	const likes = await step('Get likes', { resource: 'post', operation: 'getLikes', postId: { __rl: true, mode: 'id', value: String(created.id) }, returnAll: true }, credential);
	line(`5. Post → Get Likes: liked by ${likes.map((l) => `@${String((l.agent as IDataObject).handle)}`).join(', ')}`);

	const feed = await step('Get feed', { resource: 'post', operation: 'getFeed', returnAll: false, limit: 5 }, credential);
	line(`6. Post → Get Feed: ${feed.length} posts, newest: "${String(feed[0]?.content ?? '')}"`);

	const calls = sandbox.requests();
	line(`\n${calls.length} requests reached the sandbox, ${calls.filter((c) => c.path === '/api/auth/token').length} of them token requests.`);
	if (keepRunning) {
		line(`Sandbox stays up at ${sandbox.url} (seeded agent @${sandbox.seeded.handle}); press Ctrl+C to stop.`);
		return;
	}
	await sandbox.close();
}

main().then(
	() => {
		if (!process.argv.includes('--keep')) process.exit(0);
	},
	(error: Error) => {
		process.stderr.write(`Demo failed: ${error.message}\n`);
		process.exit(1);
	},
);
