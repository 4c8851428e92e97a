/**
 * Secrets at rest in a real n8n (`n8n start`, debug log): after a webhook trigger registered and
 * ran, Connected AI Service → Connect ran with a key from an AI Provider Key credential, and a
 * credential test failed on a wrong Client Secret, none of the secrets can be read in n8n's
 * SQLite database, its REST answers or its debug log. A key typed into the node (stored in the
 * workflow, as its field says) is the control: the same search finds it.
 */
import * as fs from 'fs';
import * as path from 'path';

import { startSandbox, type Sandbox } from '../sandbox';
import { webhookConfigOf } from '../sandbox/state/webhooks';
import { createHost, CREDENTIAL_TYPE, disposeAllHosts, idFor, NODE_TYPES, type CredentialRef, type N8nHost, type Workflow } from '../../scripts/n8n';
import { waitForExecutions } from './triggerExecutions';

const TRIGGER_WORKFLOW = idFor('secrets e2e trigger');
const CONNECT_WORKFLOW = idFor('secrets e2e connect with credential');
const TYPED_WORKFLOW = idFor('secrets e2e connect typed');
const WEBHOOK_ID = '9a1d7e3c-2b4f-4c6a-8e0d-1f3b5a7c9e2d';
const KEY_IN_CREDENTIAL = 'sk-proj-kept-in-a-credential-7Q2xW9';
const TYPED_KEY = 'AIzaSy-typed-into-the-node-4Kp8Zr';
const WRONG_SECRET = 'ia_secret_wrong_for_the_credential_test_55';

let sandbox: Sandbox;
let host: N8nHost;
const logs: string[] = [];
let agent: { handle: string; clientId: string; clientSecret: string };

async function importCredentials(entries: Array<CredentialRef & { type: string; data: Record<string, unknown> }>): Promise<void> {
	const file = path.join(host.userFolder, 'e2e-secrets-credentials.json');
	fs.writeFileSync(file, JSON.stringify(entries));
	const result = await host.cli(['import:credentials', `--input=${file}`]);
	fs.rmSync(file, { force: true });
	if (result.code !== 0) throw new Error(`import:credentials failed:\n${result.stdout}\n${result.stderr}`);
}

function connectWorkflow(id: string, name: string, parameters: Record<string, unknown>, credentials: Record<string, CredentialRef>): Workflow {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: idFor(`${name}/start`), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: idFor(`${name}/connect`),
				name: 'Connect',
				type: NODE_TYPES.action,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'aiService', operation: 'connect', ...parameters },
				credentials,
			},
		],
		connections: { Start: { main: [[{ node: 'Connect', type: 'main', index: 0 }]] } },
	};
}

/** n8n's log files (N8N_LOG_OUTPUT file: <user folder>/.n8n/logs). */
function logFiles(): string {
	const folder = path.join(host.userFolder, '.n8n', 'logs');
	if (!fs.existsSync(folder)) return '';
	return fs
		.readdirSync(folder)
		.map((name) => fs.readFileSync(path.join(folder, name), 'utf8'))
		.join('\n');
}

/** Every place n8n keeps data: the SQLite database files (with its write-ahead log). */
function databaseText(): string {
	const folder = path.join(host.userFolder, '.n8n');
	return fs
		.readdirSync(folder)
		.filter((name) => name.startsWith('database.sqlite'))
		.map((name) => fs.readFileSync(path.join(folder, name)).toString('latin1'))
		.join('\n');
}

describe(`secrets at rest in real n8n ${process.env.N8N_E2E_VERSION || '2.8.4'}`, () => {
	beforeAll(async () => {
		sandbox = await startSandbox({ seed: false, rateLimits: { auth: 100, read: 1000, write: 300 } });
		sandbox.configureWebhooks({ retryDelaysMs: [], timeoutMs: 20_000 });
		sandbox.store.createAgent({ handle: 'e2e_keeper', name: 'Keeper' }, Date.now());
		sandbox.store.createAgent({ handle: 'e2e_writer', name: 'Writer' }, Date.now());
		agent = { handle: 'e2e_keeper', ...sandbox.credentialsFor('e2e_keeper') };

		host = await createHost();
		const agentCredential = { id: idFor('secrets:agent'), name: '@e2e_keeper' };
		const keyCredential = { id: idFor('secrets:provider key'), name: 'OpenAI key' };
		await importCredentials([
			{ ...agentCredential, type: CREDENTIAL_TYPE, data: { baseUrl: sandbox.url, clientId: agent.clientId, clientSecret: agent.clientSecret } },
			{ ...keyCredential, type: 'imagineAnythingProviderKeyApi', data: { apiKey: KEY_IN_CREDENTIAL } },
		]);
		await host.importWorkflows([
			{
				id: TRIGGER_WORKFLOW,
				name: 'Secrets: webhook trigger',
				active: false,
				settings: { executionOrder: 'v1' },
				connections: {},
				nodes: [
					{
						id: idFor('secrets:trigger node'),
						name: 'ImagineAnything Trigger',
						type: NODE_TYPES.trigger,
						typeVersion: 1,
						position: [0, 0],
						webhookId: WEBHOOK_ID,
						parameters: { events: ['all'] },
						credentials: { imagineAnythingApi: agentCredential },
					} as never,
				],
			},
			connectWorkflow(CONNECT_WORKFLOW, 'Secrets: connect with a credential', { provider: 'OPENAI' }, {
				imagineAnythingApi: agentCredential,
				imagineAnythingProviderKeyApi: keyCredential,
			}),
			connectWorkflow(TYPED_WORKFLOW, 'Secrets: connect with a typed key', { provider: 'GOOGLE_GEMINI', apiKeySource: 'parameter', apiKey: TYPED_KEY }, {
				imagineAnythingApi: agentCredential,
			}),
		]);
		for (const id of [CONNECT_WORKFLOW, TYPED_WORKFLOW]) {
			const execution = await host.execute(id);
			logs.push(execution.stdout, execution.stderr);
			if (!execution.ok) throw new Error(`${id}: ${JSON.stringify(execution.error)}\n${execution.stdout}`);
		}
		await host.publish(TRIGGER_WORKFLOW);
		// The running instance logs at debug level, to its console and its log file.
		await host.start({ env: { N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'console,file' } });
		await host.setupOwner();
	}, 600_000);

	afterAll(async () => {
		await disposeAllHosts();
		await sandbox?.close();
	}, 60_000);

	it('the provider keys reached ImagineAnything', () => {
		const sent = sandbox.requests({ path: '/api/settings/services', method: 'POST' }).map((r) => r.body);
		expect(sent).toEqual([
			{ provider: 'OPENAI', apiKey: KEY_IN_CREDENTIAL },
			{ provider: 'GOOGLE_GEMINI', apiKey: TYPED_KEY },
		]);
	});

	it('the trigger registers, verifies a delivery and runs, with its secret sealed in the static data n8n returns', async () => {
		const deadline = Date.now() + 30_000;
		while (!webhookConfigOf(sandbox.store, sandbox.store.agentByHandle('e2e_keeper')!.id) && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		const secret = webhookConfigOf(sandbox.store, sandbox.store.agentByHandle('e2e_keeper')!.id)!.secret;
		await sandbox.act('e2e_writer', 'POST', `/api/agents/e2e_keeper/follow`);
		await sandbox.webhooksIdle();
		const [execution] = await waitForExecutions(host, TRIGGER_WORKFLOW, 1);
		expect(execution.json('ImagineAnything Trigger')).toEqual([expect.objectContaining({ type: 'FOLLOW' })]);

		const workflow = await host.rest('GET', `/workflows/${TRIGGER_WORKFLOW}`);
		const staticData = JSON.stringify(workflow.body.data.staticData);
		expect(staticData).toMatch(/"webhookSecret":"sealed:v1:/);
		expect(staticData).not.toContain(secret);
		// n8n 1.x and 2.8 copy the static data into the execution's workflow data; 2.41 does not.
		const stored = await host.rest('GET', `/executions/${execution.id}`);
		expect(stored.status).toBe(200);
		expect(JSON.stringify(stored.body)).not.toContain(secret);
	});

	it('a credential test with a wrong Client Secret gives one accurate message', async () => {
		const answer = await host.rest('POST', '/credentials/test', {
			credentials: {
				id: idFor('secrets:agent'),
				name: '@e2e_keeper',
				type: CREDENTIAL_TYPE,
				data: { baseUrl: sandbox.url, clientId: agent.clientId, clientSecret: WRONG_SECRET },
			},
		});
		expect(answer.body.data).toEqual({
			status: 'Error',
			message: 'ImagineAnything rejected the Client ID or Client Secret of this ImagineAnything API credential (Invalid client credentials)',
		});
	});

	it("no secret can be read in n8n's database or debug log; the key typed into a node can (it is stored in the workflow)", async () => {
		await host.stop();
		const database = databaseText();
		const log = [...logs, host.log(), logFiles()].join('\n');
		expect(logFiles()).toMatch(/"level":"debug"/);
		// The control: the search does find what n8n keeps in clear.
		expect(database).toContain(TYPED_KEY);

		const webhookSecrets = sandbox.webhookDeliveries({ handle: 'e2e_keeper' }).length
			? [webhookConfigOf(sandbox.store, sandbox.store.agentByHandle('e2e_keeper')!.id)!.secret]
			: [];
		const secrets: Record<string, string[]> = {
			'client secret': [agent.clientSecret, WRONG_SECRET],
			'access token': [...sandbox.store.accessTokens.keys()],
			'refresh token': [...sandbox.store.refreshTokens.keys()],
			'webhook secret': webhookSecrets,
			'provider key from a credential': [KEY_IN_CREDENTIAL],
		};
		expect(webhookSecrets).toHaveLength(1);
		expect(secrets['access token'].length).toBeGreaterThan(0);
		const found = Object.entries(secrets).flatMap(([what, values]) =>
			values.flatMap((value) => [
				...(database.includes(value) ? [`${what} in the database`] : []),
				...(log.includes(value) ? [`${what} in the log`] : []),
			]),
		);
		expect(found).toEqual([]);
	});
});
