/**
 * The ImagineAnything node as a tool of n8n's AI Agent, in a real n8n: the agent's OpenAI Chat Model
 * talks to a local stub (openAiStub.ts) whose scripted answers are tool calls. Checked: what the
 * model is told (tool names, descriptions, parameters), what reached ImagineAnything (the
 * sandbox's log), and what the model is told when a tool fails, for Agent v3 (3.1 on n8n 2.x) and
 * v2.2 and the tool's On Error settings.
 */
import * as fs from 'fs';

import { resources } from '../../package/nodes/ImagineAnything/resources';
import { startSandbox, type LoggedRequest, type Sandbox } from '../sandbox';
import {
	createHost,
	disposeAllHosts,
	idFor,
	N8N_VERSION,
	NODE_TYPES,
	type CredentialRef,
	type Execution,
	type N8nHost,
	type Workflow,
	type WorkflowNode,
} from '../../scripts/n8n';
import { startOpenAiStub, textOf, type ChatMessage, type ChatRequest, type OpenAiStub, type Reply } from './openAiStub';

const progress = (text: string) => process.stderr.write(`[e2e] ${text}\n`);

let sandbox: Sandbox;
let stub: OpenAiStub;
let host: N8nHost;
let credential: CredentialRef;
const openAi: CredentialRef = { id: idFor('e2e:openai-stub'), name: 'OpenAI stub' };

/** What the ✨ button of n8n's editor writes into a parameter: $fromAI with the parameter's name and an empty description. */
const fromAi = (key: string) => `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`\`, 'string') }}`;

const TOOLS = [
	{ name: 'Create Post', parameters: { resource: 'post', operation: 'create', content: fromAi('Content') } },
	{ name: 'Follow Agent', parameters: { resource: 'agent', operation: 'follow', handle: { __rl: true, mode: 'handle', value: fromAi('Agent') } } },
	{
		name: 'Update My Profile',
		parameters: { resource: 'agent', operation: 'updateMe', updateFields: { name: fromAi('Name'), bio: fromAi('Bio'), websiteUrl: fromAi('Website_URL') } },
	},
];

/** The tool description of an operation as the package defines it. */
function toolDescription(resource: string, operation: string): string {
	const property = resources
		.find((r) => r.value === resource)!
		.properties.find((p) => p.name === 'toolDescription' && (p.displayOptions?.show?.operation as string[]).includes(operation))!;
	return property.default as string;
}

interface AgentSpec {
	/** Names the agent's nodes ("AI Agent (label)") and, in the prompt, the stub's script. */
	label: string;
	version: number;
	script: keyof typeof SCRIPTS;
	/** On Error of its tools. */
	onError: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

/** Manual Trigger → one AI Agent after another, each with the stub as its model and the TOOLS. */
function agentWorkflow(name: string, agents: AgentSpec[]): Workflow {
	const nodes: WorkflowNode[] = [{ id: idFor(`${name}/start`), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections: Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }>>>> = {};
	let previous = 'Start';
	agents.forEach(({ label, version, script, onError }, row) => {
		const add = (node: Pick<WorkflowNode, 'name' | 'type' | 'typeVersion' | 'parameters' | 'credentials'> & { onError?: string }, x: number) => {
			nodes.push({ ...node, id: idFor(`${name}/${node.name}`), position: [x, row * 400] });
			return node.name;
		};
		const agent = add(
			{ name: `AI Agent (${label})`, type: '@n8n/n8n-nodes-langchain.agent', typeVersion: version, parameters: { promptType: 'define', text: `Script: ${script}`, options: {} } },
			300 * (row + 1),
		);
		connections[previous] = { main: [[{ node: agent, type: 'main', index: 0 }]] };
		previous = agent;
		const model = add(
			{
				name: `Model (${label})`,
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				// 1.2: chat completions (1.3 turns on OpenAI's Responses API, which Agent v2 refuses).
				typeVersion: 1.2,
				parameters: { model: { __rl: true, mode: 'id', value: 'stub-model' }, options: {} },
				credentials: { openAiApi: openAi },
			},
			300 * (row + 1),
		);
		connections[model] = { ai_languageModel: [[{ node: agent, type: 'ai_languageModel', index: 0 }]] };
		for (const tool of TOOLS) {
			const toolNode = add(
				{ name: `${tool.name} (${label})`, type: `${NODE_TYPES.action}Tool`, typeVersion: 1, parameters: tool.parameters, credentials: { imagineAnythingApi: credential }, onError },
				300 * (row + 1),
			);
			connections[toolNode] = { ai_tool: [[{ node: agent, type: 'ai_tool', index: 0 }]] };
		}
	});
	return { id: idFor(`e2e:${name}`), name, nodes, connections: connections as Workflow['connections'], active: false, settings: { executionOrder: 'v1' } };
}

/** The newest Agent v3 of the n8n under test (1.x has only 3). */
const AGENT_V3 = N8N_VERSION.startsWith('1.') ? 3 : 3.1;

const LONG_POST = 'x'.repeat(600);

/** What the model does, one reply per round of the conversation; tools by their node's name. */
const SCRIPTS = {
	'post, follow, fail and update': [
		{ call: [{ tool: 'Create_Post', args: { Content: 'Hello from an n8n agent #n8n @alice_ai' } }] },
		{ call: [{ tool: 'Follow_Agent', args: { Agent: '@alice_ai' } }] },
		{ call: [{ tool: 'Create_Post', args: { Content: LONG_POST } }] },
		{ call: [{ tool: 'Follow_Agent', args: { Agent: 'nobody_here' } }] },
		// n8n marks every $fromAI key required: the model sends "" for what it leaves alone.
		{ call: [{ tool: 'Update_My_Profile', args: { Name: '', Bio: 'I post for n8n', Website_URL: '' } }] },
		{ say: 'Done.' },
	],
	'follow, then a post too long': [
		{ call: [{ tool: 'Follow_Agent', args: { Agent: 'bob_bot' } }] },
		{ call: [{ tool: 'Create_Post', args: { Content: LONG_POST } }] },
		{ say: 'Done.' },
	],
} satisfies Record<string, Reply[]>;

function script(request: ChatRequest, round: number): Reply {
	const prompt = textOf(request.messages.find((message) => message.role === 'user')!);
	const name = (Object.keys(SCRIPTS) as Array<keyof typeof SCRIPTS>).find((key) => prompt === `Script: ${key}`);
	if (!name) throw new Error(`no script for the prompt "${prompt}"`);
	const steps: Reply[] = SCRIPTS[name];
	return steps[Math.min(round, steps.length - 1)];
}

/** The conversations of one agent: the requests whose tools are its tools (their names end with its label). */
function conversation(label: string): ChatRequest[] {
	const suffix = `_${label.replace(/[^a-zA-Z0-9_-]/g, '_')}_`;
	return stub.requests.filter((request) => request.tools?.some((tool) => tool.function.name.endsWith(suffix)));
}

/** The tool results the model was given in the last request of an agent's conversation, in order. */
function toolResults(label: string): string[] {
	const requests = conversation(label);
	return (requests[requests.length - 1]?.messages ?? []).filter((message: ChatMessage) => message.role === 'tool').map(textOf);
}

let lastSeq = 0;
const apiWire = (): LoggedRequest[] => sandbox.requests({ since: lastSeq }).filter((r) => r.path !== '/api/auth/token');
const line = (r: LoggedRequest) => `${r.status} ${r.method} ${r.path}`;

async function execute(workflow: Workflow): Promise<Execution> {
	lastSeq = sandbox.requests().reduce((max, r) => Math.max(max, r.seq), 0);
	const started = Date.now();
	const execution = await host.execute(workflow.id!);
	progress(`${workflow.name}: ${execution.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return execution;
}

const workflowsFor = () => ({
	continued: agentWorkflow('E2E: AI Agent tools On Error Continue', [
		{ label: 'v3 continue', version: AGENT_V3, script: 'post, follow, fail and update', onError: 'continueRegularOutput' },
		{ label: 'v2.2 continue', version: 2.2, script: 'post, follow, fail and update', onError: 'continueRegularOutput' },
	]),
	// The last agent fails the execution: it runs last.
	otherSettings: agentWorkflow('E2E: AI Agent tools On Error Stop and error output', [
		{ label: 'v2.2 stop', version: 2.2, script: 'follow, then a post too long', onError: 'stopWorkflow' },
		{ label: 'v2.2 error output', version: 2.2, script: 'follow, then a post too long', onError: 'continueErrorOutput' },
		{ label: 'v3 error output', version: AGENT_V3, script: 'follow, then a post too long', onError: 'continueErrorOutput' },
		{ label: 'v3 stop', version: AGENT_V3, script: 'follow, then a post too long', onError: 'stopWorkflow' },
	]),
});
let workflows: ReturnType<typeof workflowsFor>;

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox();
	stub = await startOpenAiStub(script);
	host = await createHost({ log: progress });
	credential = await host.importCredential({ baseUrl: sandbox.url, clientId: sandbox.seeded.clientId, clientSecret: sandbox.seeded.clientSecret });
	workflows = workflowsFor();
	const file = `${host.userFolder}/openai-stub-credential.json`;
	fs.writeFileSync(file, JSON.stringify([{ ...openAi, type: 'openAiApi', data: { apiKey: 'sk-stub-not-a-key', url: stub.url } }]));
	const imported = await host.cli(['import:credentials', `--input=${file}`]);
	fs.rmSync(file);
	if (imported.code !== 0) throw new Error(`importing the OpenAI credential failed:\n${imported.stdout}\n${imported.stderr}`);
	await host.importWorkflows(Object.values(workflows));
	progress(`set up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 600_000);

afterAll(async () => {
	await disposeAllHosts();
	await stub?.close();
	await sandbox?.close();
});

const FIX_TOO_LONG = '"Content" takes text of at most 500 characters; nothing was sent to ImagineAnything.';

describe('tools On Error "Continue": Agent v3 and v2.2', () => {
	let execution: Execution;
	beforeAll(async () => {
		execution = await execute(workflows.continued);
	}, 300_000);

	test('the run succeeds; each agent posts, follows, is told of both failures, and updates its profile', () => {
		expect(execution.error).toBeUndefined();
		expect(execution.ok).toBe(true);
		const once = [
			'201 POST /api/posts',
			'200 POST /api/agents/alice_ai/follow',
			'404 POST /api/agents/nobody_here/follow',
			'200 PATCH /api/agents/me',
		];
		expect(apiWire().map(line)).toEqual([...once, ...once]);
		expect(apiWire()[0].body).toEqual({ content: 'Hello from an n8n agent #n8n @alice_ai' });
	});

	test.each(['v3 continue', 'v2.2 continue'])('%s: the model is offered each tool with its description, parameters as $fromAI names them', (label) => {
		const tools = conversation(label)[0].tools!.map(({ function: f }) => ({ name: f.name, description: f.description, keys: Object.keys(f.parameters.properties ?? {}).sort() }));
		const suffix = label.replace(/[^a-zA-Z0-9_-]/g, '_');
		expect(tools).toEqual(
			expect.arrayContaining([
				{ name: `Create_Post_${suffix}_`, description: toolDescription('post', 'create'), keys: ['Content'] },
				{ name: `Follow_Agent_${suffix}_`, description: toolDescription('agent', 'follow'), keys: ['Agent'] },
				{ name: `Update_My_Profile_${suffix}_`, description: toolDescription('agent', 'updateMe'), keys: ['Bio', 'Name', 'Website_URL'] },
			]),
		);
		expect(toolDescription('post', 'create')).toContain('- Content (required): Text of the post, at most 500 characters. Use #hashtags and @handles.');
		expect(toolDescription('agent', 'follow')).toContain('Accepts Handle (e.g. alice_ai or @alice_ai)');
		expect(toolDescription('agent', 'updateMe')).toContain('- Website URL (optional, "" = not set): Takes a full http(s) URL.');
	});

	test.each(['v3 continue', 'v2.2 continue'])('%s: a refused value and a 404 reach the model with what to fix', (label) => {
		const results = toolResults(label);
		expect(results).toHaveLength(5);
		expect(JSON.parse(results[0])[0]).toMatchObject({ content: 'Hello from an n8n agent #n8n @alice_ai', hashtags: ['n8n'], mentions: ['alice_ai'] });
		expect(JSON.parse(results[1])).toEqual([{ handle: 'alice_ai', following: true }]);
		expect(JSON.parse(results[2])).toEqual([
			{
				error: '"Content" must be at most 500 characters (it has 600)',
				message: `Create a post was not sent. ${FIX_TOO_LONG}`,
				operation: 'Create a post',
			},
		]);
		expect(JSON.parse(results[3])).toEqual([
			{
				error: 'Agent not found (Agent nobody_here)',
				message: expect.stringMatching(/^Follow an agent \(Agent nobody_here\) failed: ImagineAnything answered 404\. Nothing was found at this ID or handle\./),
				operation: 'Follow an agent',
				httpCode: 404,
				handle: 'nobody_here',
			},
		]);
		expect(JSON.parse(results[4])[0]).toMatchObject({ bio: 'I post for n8n' });
	});

	test('optional fields the model sent as "" are not sent', () => {
		const updates = apiWire().filter((r) => r.method === 'PATCH');
		expect(updates.map((r) => r.body)).toEqual([{ bio: 'I post for n8n' }, { bio: 'I post for n8n' }]);
	});
});

describe('tools On Error "Stop" and "Continue (using error output)"', () => {
	let execution: Execution;
	beforeAll(async () => {
		execution = await execute(workflows.otherSettings);
	}, 300_000);

	test('Agent v2.2, Stop: the error does not stop the run, and the model gets an empty result (LangChain drops it)', () => {
		expect(toolResults('v2.2 stop')).toEqual([JSON.stringify([{ handle: 'bob_bot', following: true }]), '']);
		expect(execution.runData['AI Agent (v2.2 stop)'][0]).toMatchObject({ executionStatus: 'success' });
		expect(conversation('v3 error output').length).toBeGreaterThan(0);
	});

	test('Agent v2.2, Continue (using error output): the model gets the failed item, what failed and what to fix', () => {
		expect(toolResults('v2.2 error output')).toEqual([
			JSON.stringify([{ handle: 'bob_bot', following: true }]),
			JSON.stringify([{ error: '"Content" must be at most 500 characters (it has 600)', message: `Create a post was not sent. ${FIX_TOO_LONG}` }]),
		]);
	});

	test('Agent v3, Continue (using error output): the model gets an empty result for every call, successes too (n8n drops the items)', () => {
		expect(toolResults('v3 error output')).toEqual(['""', '""']);
	});

	test('Agent v3, Stop: the run fails with the tool\'s error; the model is not asked again', () => {
		expect(execution.ok).toBe(false);
		expect(execution.error).toMatchObject({ message: '"Content" must be at most 500 characters (it has 600)', description: FIX_TOO_LONG });
		expect(conversation('v3 stop')).toHaveLength(2);
		expect(toolResults('v3 stop')).toEqual([JSON.stringify([{ handle: 'bob_bot', following: true }])]);
	});

	test('the follows reached ImagineAnything in every setting; the long posts were never sent', () => {
		expect(apiWire().map(line)).toEqual(Array(4).fill('200 POST /api/agents/bob_bot/follow'));
	});
});
