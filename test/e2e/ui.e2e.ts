/**
 * The editor in a real browser: n8n (`n8n start`, the package installed from its tarball) with a
 * credential for the sandbox in this process and one workflow holding the three nodes. Signs in
 * through the UI, opens each node's panel and the credential form, checks what they show and
 * saves screenshots under .e2e/screenshots/n8n-<version>/.
 *
 * Run with `npm run test:ui` (scripts/e2e/ui.sh): it installs Debian's chromium, playwright-core
 * into .e2e/tools and n8n when missing. playwright-core is not a dependency of this repository, so
 * it is loaded from .e2e/tools and typed here by the little of it this test uses.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties, resourceSelector } from '../../nodes/ImagineAnything/resources';
import { startSandbox, type Sandbox } from '../sandbox';
import { createHost, DEFAULT_OWNER, idFor, N8N_VERSION, NODE_TYPES, REPO_ROOT, type N8nHost, type Workflow } from '../../scripts/n8n';

interface Locator {
	click(options?: { timeout?: number }): Promise<void>;
	dblclick(): Promise<void>;
	fill(value: string): Promise<void>;
	waitFor(options?: { state?: 'visible' | 'hidden' | 'attached'; timeout?: number }): Promise<void>;
	innerText(): Promise<string>;
	inputValue(): Promise<string>;
	isVisible(): Promise<boolean>;
	getAttribute(name: string): Promise<string | null>;
	allInnerTexts(): Promise<string[]>;
	locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
	first(): Locator;
	nth(index: number): Locator;
	count(): Promise<number>;
	filter(options: { has?: Locator; hasText?: string | RegExp }): Locator;
}
interface Page {
	goto(url: string): Promise<unknown>;
	locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
	waitForURL(match: (url: URL) => boolean): Promise<void>;
	screenshot(options: { path: string; animations?: 'disabled' }): Promise<unknown>;
	keyboard: { press(key: string): Promise<void> };
	setDefaultTimeout(ms: number): void;
	on(event: 'pageerror', listener: (error: Error) => void): void;
}
interface BrowserContext {
	pages(): Page[];
	newPage(): Promise<Page>;
	close(): Promise<void>;
}
interface PlaywrightCore {
	chromium: {
		launchPersistentContext(
			userDataDir: string,
			options: { executablePath: string; headless: boolean; args: string[]; viewport: { width: number; height: number } },
		): Promise<BrowserContext>;
	};
}

const CHROMIUM = process.env.UI_CHROMIUM || '/usr/bin/chromium';
const PLAYWRIGHT = path.join(REPO_ROOT, '.e2e', 'tools', 'node_modules', 'playwright-core');
const SHOTS = path.join(REPO_ROOT, '.e2e', 'screenshots', `n8n-${N8N_VERSION}`);
const WORKFLOW_ID = idFor('ui workflow');
const WEBHOOK_ID = '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const CREDENTIAL_NAME = 'ImagineAnything account';
const ACTION = 'ImagineAnything';
const TRIGGER = 'ImagineAnything Trigger';
const POLL = 'ImagineAnything Poll Trigger';
/** Each browser step waits at most 20 s; a test is a few such steps. */
const TEST_TIMEOUT = 90_000;

/** n8n's own page errors that have nothing to do with this package. */
const KNOWN_N8N_ERRORS = [
	// n8n 1.x's editor with N8N_VERSION_NOTIFICATIONS_ENABLED=false: checkForNewVersions reads an absent setting.
	/reading 'enabled'[\s\S]*checkForNewVersions/,
];

let sandbox: Sandbox;
let host: N8nHost;
let context: BrowserContext;
/** Chromium's fresh --user-data-dir. */
let profile: string | undefined;
let page: Page;
const pageErrors: string[] = [];
const timings: string[] = [];
const began = Date.now();

function mark(label: string): void {
	timings.push(`${label}: ${((Date.now() - began) / 1000).toFixed(1)} s`);
}

function optionNames(property: INodeProperties | undefined): string[] {
	return (property?.options ?? []).map((option) => String((option as { name: string }).name));
}

const operationsOf = (resource: string) =>
	optionNames(resourceProperties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource)));

/** A test body that leaves a screenshot of the page as it was when it failed: failed-<name>.png. */
function step(name: string, body: () => Promise<void>): () => Promise<void> {
	return async () => {
		try {
			await body();
		} catch (error) {
			await shot(`failed-${name}`).catch(() => undefined);
			throw error;
		}
	};
}

async function shot(name: string): Promise<string> {
	const file = path.join(SHOTS, `${name}.png`);
	await page.screenshot({ path: file, animations: 'disabled' });
	return file;
}

async function openNode(name: string): Promise<Locator> {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	await ndv.locator('[data-test-id="node-credentials-select"]').waitFor();
	return ndv;
}

async function closeNode(): Promise<void> {
	const ndv = page.locator('[data-test-id="ndv"]');
	// Escape in a dialog over the panel can close both. The panel's close: an ✕ in 2.x, "Back to canvas" in 1.x.
	if (await ndv.isVisible()) await page.locator('[data-test-id="ndv-close-button"], [data-test-id="back-to-canvas"]').first().click();
	await ndv.waitFor({ state: 'hidden' });
}

/** Opens a select parameter and answers the headlines of its options, in the order shown. */
async function openSelect(parameter: string): Promise<string[]> {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	const shown = page.locator('.el-select-dropdown__item:visible .option-headline');
	await shown.first().waitFor();
	return await shown.allInnerTexts();
}

/** Picks the option `name` of a select parameter. */
async function chooseOption(parameter: string, name: string): Promise<void> {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	await page.locator('.el-select-dropdown__item:visible').filter({ has: page.locator('.option-headline', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) }).first().click();
	await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
}

async function closeSelect(): Promise<void> {
	await page.keyboard.press('Escape');
	await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
}

function workflow(credential: { id: string; name: string }): Workflow {
	const credentials = { imagineAnythingApi: credential };
	return {
		id: WORKFLOW_ID,
		name: 'ImagineAnything in the editor',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: { 'When clicking ‘Execute workflow’': { main: [[{ node: ACTION, type: 'main', index: 0 }]] } },
		nodes: [
			{ id: idFor('ui:manual'), name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: idFor('ui:action'),
				name: ACTION,
				type: NODE_TYPES.action,
				typeVersion: 1,
				position: [260, 0],
				parameters: { resource: 'post', operation: 'create', content: 'Hello from n8n' },
				credentials,
			},
			{
				id: idFor('ui:trigger'),
				name: TRIGGER,
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 260],
				webhookId: WEBHOOK_ID,
				parameters: { events: ['message', 'order'] },
				credentials,
			},
			{ id: idFor('ui:poll'), name: POLL, type: NODE_TYPES.pollTrigger, typeVersion: 1, position: [0, 520], parameters: {}, credentials },
		],
	};
}

describe(`the editor of n8n ${N8N_VERSION} in Chromium`, () => {
	beforeAll(async () => {
		if (!fs.existsSync(PLAYWRIGHT)) throw new Error(`playwright-core is missing in ${PLAYWRIGHT}: run npm run test:ui`);
		if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run npm run test:ui (or set UI_CHROMIUM)`);
		fs.rmSync(SHOTS, { recursive: true, force: true });
		fs.mkdirSync(SHOTS, { recursive: true });

		sandbox = await startSandbox();
		host = await createHost();
		mark('package packed and installed');
		const credential = await host.importCredential({
			baseUrl: sandbox.url,
			clientId: sandbox.seeded.clientId,
			clientSecret: sandbox.seeded.clientSecret,
			name: CREDENTIAL_NAME,
		});
		await host.importWorkflows([workflow(credential)]);
		await host.start();
		await host.setupOwner();
		mark('n8n started, owner set up');

		const { chromium } = require(PLAYWRIGHT) as PlaywrightCore;
		profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-e2e-chromium-'));
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			viewport: { width: 1440, height: 900 },
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(20_000);
		page.on('pageerror', (error) => pageErrors.push(`${error.message}\n${error.stack ?? ''}`));
		mark('browser started');
	}, 600_000);

	afterAll(async () => {
		await context?.close();
		if (profile) fs.rmSync(profile, { recursive: true, force: true });
		await host?.dispose();
		await sandbox?.close();
		mark('done');
		process.stderr.write(`UI e2e timings (since the suite began):\n  ${timings.join('\n  ')}\nscreenshots: ${SHOTS}\n`);
	}, 60_000);

	it('signs in as the owner through the sign-in form', step('sign-in', async () => {
		await page.goto(`${host.url}/signin`);
		await page.locator('input[name="emailOrLdapLoginId"]').fill(DEFAULT_OWNER.email);
		await page.locator('input[name="password"]').fill(DEFAULT_OWNER.password);
		await page.locator('[data-test-id="form-submit-button"]').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		await page.goto(`${host.url}/workflow/${WORKFLOW_ID}`);
		for (const name of [ACTION, TRIGGER, POLL]) {
			await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).waitFor();
		}
		const action = page.locator(`[data-test-id="canvas-node"][data-node-name="${ACTION}"]`);
		expect(await action.getAttribute('data-node-type')).toBe(NODE_TYPES.action);
		// The subtitle is the node's expression evaluated by the editor.
		expect(await action.innerText()).toContain('create: post');
		await shot('canvas');
		mark('signed in, workflow open');
	}), TEST_TIMEOUT);

	it('the ImagineAnything panel shows the credential, every resource and the operations of a resource', step('node-panel', async () => {
		const ndv = await openNode(ACTION);
		expect(await ndv.locator('[data-test-id="node-title-container"]').innerText()).toContain(ACTION);
		expect(await ndv.locator('[data-test-id="node-credentials-select"] input').inputValue()).toBe(CREDENTIAL_NAME);
		expect(await ndv.locator('[data-test-id="parameter-input-resource"] input').inputValue()).toBe('Post');
		expect(await ndv.locator('[data-test-id="parameter-input-operation"] input').inputValue()).toBe('Create');
		expect(await ndv.locator('[data-test-id="parameter-input-content"] textarea').inputValue()).toBe('Hello from n8n');
		await shot('node-panel');

		const resources = await openSelect('resource');
		// n8n adds "Custom API Call" after the node's own options (the credential can authenticate any request).
		expect(resources).toEqual([...optionNames(resourceSelector), 'Custom API Call']);
		await shot('node-panel-resources');
		await closeSelect();

		const operations = await openSelect('operation');
		expect(operations).toEqual([...operationsOf('post'), 'Custom API Call']);
		expect(operations).toContain('Get Public Timeline');
		await shot('node-panel-operations');
		await closeSelect();
		mark('action node panel checked');
	}), TEST_TIMEOUT);

	it('the credential form shows its fields, keeps the secret hidden and tests the connection', step('credential', async () => {
		await page.locator('[data-test-id="ndv"] [data-test-id="credential-edit-button"]').click();
		const modal = page.locator('[data-test-id="editCredential-modal"]');
		await modal.waitFor();
		await modal.locator('[data-test-id="credentials-config-container-test-success"]').waitFor();
		const text = await modal.innerText();
		expect(text).toContain(CREDENTIAL_NAME);
		expect(text).toContain('ImagineAnything API');
		expect(text).toContain('Connection tested successfully');
		for (const label of ['Base URL', 'Client ID', 'Client Secret']) expect(text).toContain(label);
		expect(await modal.locator('[data-test-id="parameter-input-baseUrl"] input').inputValue()).toBe(sandbox.url);
		expect(await modal.locator('[data-test-id="parameter-input-clientId"] input').inputValue()).toBe(sandbox.seeded.clientId);
		expect(await modal.locator('[data-test-id="parameter-input-clientSecret"] input').getAttribute('type')).toBe('password');
		expect(text).not.toContain(sandbox.seeded.clientSecret);
		await shot('credential');
		// The form's Test button ran the credential's test request: GET /api/agents/me with a token.
		expect(sandbox.requests({ path: '/api/agents/me', method: 'GET' }).some((r) => r.status === 200)).toBe(true);
		await page.keyboard.press('Escape');
		await modal.waitFor({ state: 'hidden' });
		await closeNode();
		mark('credential form checked');
	}), TEST_TIMEOUT);

	it('Connected AI Service → Connect asks for an AI Provider Key credential; a key typed in the node is marked as stored in the workflow', step('provider-key', async () => {
		const ndv = await openNode(ACTION);
		await chooseOption('resource', 'Connected AI Service');
		await chooseOption('operation', 'Connect');
		await ndv.locator('[data-test-id="parameter-input-apiKeySource"]').waitFor();
		// A credential select, or (n8n 2.4x, no such credential yet) a "Connect to …" button.
		const providerKey = ndv.locator('text=Credential for ImagineAnything AI Provider Key API');
		await providerKey.waitFor();
		const withCredential = await ndv.innerText();
		expect(withCredential).not.toContain('API Key (Stored in the Workflow)');
		expect(await ndv.locator('[data-test-id="parameter-input-apiKeySource"] input').inputValue()).toBe('Credential');
		await shot('node-panel-provider-key');

		await chooseOption('apiKeySource', 'This Node (Stored in the Workflow)');
		await ndv.locator('[data-test-id="parameter-input-apiKey"]').waitFor();
		expect(await ndv.innerText()).toContain('API Key (Stored in the Workflow)');
		expect(await providerKey.count()).toBe(0);
		expect(await ndv.locator('[data-test-id="parameter-input-apiKey"] input').getAttribute('type')).toBe('password');
		await shot('node-panel-typed-key');
		// Back to the workflow as imported, for the next steps.
		await chooseOption('apiKeySource', 'Credential');
		await chooseOption('resource', 'Post');
		await chooseOption('operation', 'Create');
		await closeNode();
		mark('provider key credential checked');
	}), TEST_TIMEOUT);

	it('the ImagineAnything Trigger panel shows its notice, events and production webhook URL', step('trigger-panel', async () => {
		const ndv = await openNode(TRIGGER);
		expect(await ndv.locator('[data-test-id="node-credentials-select"] input').inputValue()).toBe(CREDENTIAL_NAME);
		const text = await ndv.innerText();
		expect(text).toContain('ImagineAnything delivers only to HTTPS URLs');
		expect(await ndv.locator('[data-test-id="parameter-input-events"]').innerText()).toMatch(/Message[\s\S]*Order/);
		await ndv.locator('text=Webhook URLs').first().click();
		await ndv.locator('text=Production URL').first().click();
		const productionUrl = `${host.url}/webhook/${WEBHOOK_ID}/webhook`;
		await ndv.locator(`text=${productionUrl}`).first().waitFor();
		await shot('trigger-panel');
		await closeNode();
		mark('trigger panel checked');
	}), TEST_TIMEOUT);

	it('the ImagineAnything Poll Trigger panel shows its schedule and event', step('poll-trigger-panel', async () => {
		const ndv = await openNode(POLL);
		expect(await ndv.locator('[data-test-id="node-credentials-select"] input').inputValue()).toBe(CREDENTIAL_NAME);
		expect(await ndv.locator('[data-test-id="parameter-input-mode"] input').inputValue()).toBe('Every Minute');
		expect(await ndv.locator('[data-test-id="parameter-input-event"] input').inputValue()).toBe('New Direct Message');
		expect(await ndv.innerText()).toContain('Include My Own Messages');
		await shot('poll-trigger-panel');
		await closeNode();
		mark('poll trigger panel checked');
	}), TEST_TIMEOUT);

	it('raised no uncaught errors in the page', () => {
		expect(pageErrors.filter((error) => !KNOWN_N8N_ERRORS.some((known) => known.test(error)))).toEqual([]);
	});
});
