/**
 * The editor in a real browser: n8n (`n8n start`, the package installed from its tarball) with a
 * credential for the sandbox in this process and one workflow holding the nodes. Signs in through
 * the UI, searches the node panel, opens the nodes' panels and the credential form, runs two
 * operations with "Execute step", checks what the user sees and saves a numbered screenshot of
 * each point under .e2e/screenshots/n8n-<version>/ (failed-<test>.png when a test fails).
 *
 * Run with `npm run test:ui` (scripts/e2e/ui.sh): it installs Debian's chromium, playwright-core
 * into .e2e/tools and n8n when missing. playwright-core is not a dependency of this repository, so
 * it is loaded from .e2e/tools and typed here by the little of it this test uses.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties, resourceSelector } from '../../package/nodes/ImagineAnything/resources';
import { ImagineAnythingTrigger } from '../../package/nodes/ImagineAnythingTrigger/ImagineAnythingTrigger.node';
import { startSandbox, type Sandbox } from '../sandbox';
import { createHost, DEFAULT_OWNER, idFor, N8N_VERSION, NODE_TYPES, REPO_ROOT, type N8nHost, type Workflow } from '../../scripts/n8n';

interface Locator {
	click(options?: { timeout?: number }): Promise<void>;
	dblclick(): Promise<void>;
	hover(): Promise<void>;
	fill(value: string): Promise<void>;
	press(key: string): Promise<void>;
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
	evaluate<R, E>(pageFunction: (element: E) => R): Promise<R>;
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
const FOLLOW = 'Follow';
const MY_PROFILE = 'My Profile';
const GENERATE = 'Generate';
const TRIGGER = 'ImagineAnything Trigger';
const POLL = 'ImagineAnything Poll Trigger';
const MANUAL = 'When clicking ‘Execute workflow’';
const triggerDescription = new ImagineAnythingTrigger().description;
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
			await saveScreenshot(`failed-${name}.png`).catch(() => undefined);
			throw error;
		}
	};
}

async function saveScreenshot(fileName: string): Promise<void> {
	await page.screenshot({ path: path.join(SHOTS, fileName), animations: 'disabled' });
}

let shots = 0;

/** Saves <NN>-<name>.png, numbered in the order the suite takes them. */
async function shot(name: string): Promise<void> {
	await saveScreenshot(`${String(++shots).padStart(2, '0')}-${name}.png`);
}

async function openNode(name: string): Promise<Locator> {
	// A panel a failed test left open would cover the canvas.
	if (await page.locator('[data-test-id="ndv"]').isVisible()) await closeNode();
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

/**
 * Opens a select parameter whose options load from the API and answers its entries (headline and
 * description) once `expected` is among them. n8n 2.41 drops a click that lands while the options
 * load (the list stays closed), so a closed list is clicked again.
 */
async function openSelectWith(parameter: string, expected: string): Promise<string[]> {
	const shown = page.locator('.el-select-dropdown__item:visible');
	for (let attempt = 1; ; attempt++) {
		if (!(await shown.first().isVisible())) await page.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
		try {
			await shown.filter({ hasText: expected }).first().waitFor({ timeout: 5_000 });
			return await shown.allInnerTexts();
		} catch (error) {
			if (attempt === 3) throw error;
		}
	}
}

/** The resource locator parameter `name` in the open panel. */
const resourceLocator = (name: string) => page.locator(`[data-test-id="ndv"] [data-test-id="resource-locator-${name}"]`);

/** Opens a resource locator's mode selector and answers its entries. */
async function locatorModes(name: string): Promise<string[]> {
	await resourceLocator(name).locator('[data-test-id="rlc-mode-selector"]').click();
	const shown = page.locator('.el-select-dropdown__item:visible');
	await shown.first().waitFor();
	return await shown.allInnerTexts();
}

/**
 * Picks a mode in the open mode selector and answers the label the selector then shows, and
 * whether it fits: an input's scrollWidth exceeds its clientWidth when its text is cut (1 px of
 * rounding allowed).
 */
async function chooseMode(name: string, mode: string): Promise<{ label: string; fits: boolean }> {
	await page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^${mode}$`) }).click();
	await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
	const input = resourceLocator(name).locator('[data-test-id="rlc-mode-selector"] input');
	const fits = await input.evaluate((element: { scrollWidth: number; clientWidth: number }) => element.scrollWidth <= element.clientWidth + 1);
	return { label: await input.inputValue(), fits };
}

/** Opens a resource locator's list and answers its entries once `expected` is among them. */
async function locatorList(name: string, expected: string): Promise<string[]> {
	await resourceLocator(name).locator('[data-test-id="rlc-input-container"]').click();
	const items = page.locator('[data-test-id="rlc-item"]');
	await items.filter({ hasText: expected }).first().waitFor();
	return await items.allInnerTexts();
}

/** Picks the entry holding `text` in a resource locator's open list (which closes it; Escape does not) and answers what the locator then shows. */
async function pickFromList(name: string, text: string): Promise<string> {
	await page.locator('[data-test-id="rlc-item"]').filter({ hasText: text }).click();
	await page.locator('[data-test-id="rlc-item"]').first().waitFor({ state: 'hidden' });
	return await resourceLocator(name).locator('[data-test-id="rlc-input-container"] input').inputValue();
}

/** Runs the open node with "Execute step" and answers its output items as the output's JSON view shows them. */
async function executeStep(): Promise<unknown[]> {
	await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').first().click();
	const output = page.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="ndv-run-data-display-mode"] [data-test-id="radio-button-json"]').click();
	const json = output.locator('[data-test-id="ndv-data-container"]');
	await json.waitFor();
	// The JSON view puts every token on a line of its own, and may still be rendering when it appears.
	const deadline = Date.now() + 20_000;
	for (;;) {
		try {
			const items = JSON.parse((await json.innerText()).replace(/\n\s*/g, '')) as unknown[];
			if (items.length > 0) return items;
		} catch (error) {
			if (Date.now() > deadline) throw error;
		}
		if (Date.now() > deadline) throw new Error('the output panel shows no items');
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

const nodeCreator = () => page.locator('[data-test-id="node-creator"]');

/** Types into the node panel's search and answers the names of the nodes found, once `expected` is among them. */
async function searchNodes(text: string, expected: string): Promise<string[]> {
	await page.locator('[data-test-id="node-creator-search-bar"]').fill(text);
	const names = nodeCreator().locator('[data-test-id="node-creator-item-name"]');
	await names.filter({ hasText: new RegExp(`^${expected}$`) }).first().waitFor();
	return await names.allInnerTexts();
}

/** A category of the node panel's node view ("Actions (110)", "Triggers (11)"), expanded or collapsed as asked. */
async function nodeCategory(name: 'Actions' | 'Triggers', expanded: boolean): Promise<Locator> {
	const header = page.locator('[data-test-id="node-creator-category-item"]').filter({ hasText: new RegExp(`^${name} \\(\\d+\\)`) });
	const category = nodeCreator().locator('[data-category-collapsed]').filter({ has: header });
	if ((await category.getAttribute('data-category-collapsed')) === String(expanded)) await header.click();
	await nodeCreator().locator(`[data-category-collapsed="${String(!expanded)}"]`).filter({ has: header }).waitFor();
	return category;
}

function workflow(credential: { id: string; name: string }): Workflow {
	const credentials = { imagineAnythingApi: credential };
	const actionNode = (name: string, position: [number, number], parameters: Record<string, unknown>) => ({
		id: idFor(`ui:${name}`),
		name,
		type: NODE_TYPES.action,
		typeVersion: 1,
		position,
		parameters,
		credentials,
	});
	return {
		id: WORKFLOW_ID,
		name: 'ImagineAnything in the editor',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			[MANUAL]: {
				main: [
					[
						{ node: ACTION, type: 'main', index: 0 },
						{ node: FOLLOW, type: 'main', index: 0 },
					],
				],
			},
		},
		nodes: [
			{ id: idFor('ui:manual'), name: MANUAL, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			actionNode(ACTION, [260, 0], { resource: 'post', operation: 'create', content: 'Hello from n8n' }),
			actionNode(FOLLOW, [260, 260], { resource: 'agent', operation: 'follow' }),
			actionNode(MY_PROFILE, [520, 0], { resource: 'agent', operation: 'getMe' }),
			actionNode(GENERATE, [520, 260], { resource: 'generation', operation: 'start' }),
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

		// eslint-disable-next-line @typescript-eslint/no-require-imports -- installed by scripts/e2e/ui.sh outside node_modules, found by its path
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
		for (const name of [ACTION, FOLLOW, MY_PROFILE, GENERATE, TRIGGER, POLL]) {
			await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).waitFor();
		}
		const canvasNode = (name: string) => page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
		expect(await canvasNode(ACTION).getAttribute('data-node-type')).toBe(NODE_TYPES.action);
		// The subtitle is the node's expression evaluated by the editor: "<Operation>: <Resource>" by their names.
		expect(await canvasNode(MY_PROFILE).innerText()).toContain('Get My Profile: Agent');
		expect(await canvasNode(ACTION).innerText()).toContain('Create: Post');
		expect(await canvasNode(FOLLOW).innerText()).toContain('Follow: Agent');
		expect(await canvasNode(GENERATE).innerText()).toContain('Start: Generation');
		await shot('canvas-subtitles');
		mark('signed in, workflow open');
	}), TEST_TIMEOUT);

	it('the node panel finds ImagineAnything by "social" and "imagine anything", with the merged description and the trigger events', step('node-creator', async () => {
		await page.locator('[data-test-id="node-creator-plus-button"]').click();
		await nodeCreator().waitFor();
		expect(await searchNodes('social', ACTION)).toContain(ACTION);
		await shot('node-panel-search-social');
		expect(await searchNodes('imagine anything', ACTION)).toContain(ACTION);
		await shot('node-panel-search-imagine-anything');

		// n8n shows the action node and the webhook trigger as one entry, described by the trigger's text.
		await nodeCreator().locator('[data-test-id="node-creator-item-name"]').filter({ hasText: new RegExp(`^${ACTION}$`) }).click();
		// n8n 2.41 also shows it under the entry in the search results.
		await nodeCreator().locator(`text=${triggerDescription.description}`).first().waitFor();
		const details = await nodeCreator().innerText();
		expect(triggerDescription.description).toMatch(/^Act as an AI agent on ImagineAnything \(post, follow, message, sell, generate\) and start workflows/);
		expect(details).not.toContain('Starts the workflow when');
		await nodeCategory('Actions', false);
		const triggerItems = (await nodeCategory('Triggers', true)).locator('[data-test-id="item-iterator-item"]');
		await triggerItems.first().waitFor();
		const triggers = await triggerItems.allInnerTexts();
		const events = triggerDescription.properties.find((property) => property.name === 'events');
		expect(triggers).toEqual((events?.options ?? []).map((option) => (option as { action: string }).action));
		expect(triggers).toContain('On new direct message');
		expect(triggers).not.toContain('On all');
		await shot('node-panel-imagineanything-triggers');

		// Back to the search results (Escape in the search bar closes the panel once the node view has slid out).
		await nodeCreator().locator('[data-test-id="nodes-list-header"] button').first().click();
		await nodeCreator().locator('[data-test-id="nodes-list-header"]').filter({ hasText: 'Node details' }).waitFor({ state: 'hidden' });
		await page.locator('[data-test-id="node-creator-search-bar"]').press('Escape');
		await nodeCreator().waitFor({ state: 'hidden' });
		mark('node panel search checked');
	}), TEST_TIMEOUT);

	it('the ImagineAnything panel shows the credential, every resource and the operations of a resource', step('node-panel', async () => {
		const ndv = await openNode(ACTION);
		expect(await ndv.locator('[data-test-id="node-title-container"]').innerText()).toContain(ACTION);
		expect(await ndv.locator('[data-test-id="node-credentials-select"] input').inputValue()).toBe(CREDENTIAL_NAME);
		expect(await ndv.locator('[data-test-id="parameter-input-resource"] input').inputValue()).toBe('Post');
		expect(await ndv.locator('[data-test-id="parameter-input-operation"] input').inputValue()).toBe('Create');
		expect(await ndv.locator('[data-test-id="parameter-input-content"] textarea').inputValue()).toBe('Hello from n8n');
		await shot('action-panel');

		const resources = await openSelect('resource');
		// n8n adds "Custom API Call" after the node's own options (the credential can authenticate any request).
		expect(resources).toEqual([...optionNames(resourceSelector), 'Custom API Call']);
		await shot('action-panel-resources');
		await closeSelect();

		const operations = await openSelect('operation');
		expect(operations).toEqual([...operationsOf('post'), 'Custom API Call']);
		expect(operations).toContain('Get Public Timeline');
		await shot('action-panel-operations');
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
		await shot('action-panel-provider-key');

		await chooseOption('apiKeySource', 'This Node (Stored in the Workflow)');
		await ndv.locator('[data-test-id="parameter-input-apiKey"]').waitFor();
		expect(await ndv.innerText()).toContain('API Key (Stored in the Workflow)');
		expect(await providerKey.count()).toBe(0);
		expect(await ndv.locator('[data-test-id="parameter-input-apiKey"] input').getAttribute('type')).toBe('password');
		await shot('action-panel-typed-key');
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
		expect(text).toContain('activate (in n8n 2.x: publish) one workflow with this trigger per agent');
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

	it('the agent locator\'s modes read whole, Agent → Follow\'s list leaves out the credential\'s own agent and Agent → Get\'s offers it', step('agent-locator', async () => {
		await openNode(FOLLOW);
		// n8n names the modes "list", "id" and "url" itself ("From list", "By ID", "By URL"); "Handle" is the node's.
		expect(await locatorModes('handle')).toEqual(['From list', 'Handle', 'By URL']);
		await shot('agent-locator-modes');
		for (const mode of ['Handle', 'By URL', 'From list']) {
			expect(await chooseMode('handle', mode)).toEqual({ label: mode, fits: true });
			if (mode !== 'From list') await locatorModes('handle');
		}

		const own = `@${sandbox.seeded.handle}`;
		const toFollow = await locatorList('handle', '@alice_ai');
		expect(toFollow).toEqual(expect.arrayContaining(['Alice AI (@alice_ai)', 'Carol Analyst (@carol_analyst)']));
		expect(toFollow.filter((name) => name.includes(own))).toEqual([]);
		await shot('agent-follow-list-without-own-agent');
		expect(await pickFromList('handle', '@alice_ai')).toBe('Alice AI (@alice_ai)');

		await chooseOption('operation', 'Get');
		expect(await locatorList('handle', own)).toEqual(expect.arrayContaining(['Sandbox Agent (@sandbox_agent)', 'Alice AI (@alice_ai)']));
		await shot('agent-get-list-with-own-agent');
		expect(await pickFromList('handle', own)).toBe('Sandbox Agent (@sandbox_agent)');
		await chooseOption('operation', 'Follow');
		await closeNode();
		mark('agent locator checked');
	}), TEST_TIMEOUT);

	it('the post locator\'s modes read whole', step('post-locator', async () => {
		await openNode(ACTION);
		await chooseOption('operation', 'Like');
		expect(await locatorModes('postId')).toEqual(['By ID', 'By URL']);
		await shot('post-locator-modes');
		expect(await chooseMode('postId', 'By URL')).toEqual({ label: 'By URL', fits: true });
		await locatorModes('postId');
		expect(await chooseMode('postId', 'By ID')).toEqual({ label: 'By ID', fits: true });
		await chooseOption('operation', 'Create');
		await closeNode();
		mark('post locator checked');
	}), TEST_TIMEOUT);

	it('Generation → Start offers the providers of the chosen type, a prompt for speech with Voice, and says why the voices cannot be listed', step('generation', async () => {
		const ndv = await openNode(GENERATE);
		expect(await ndv.locator('[data-test-id="parameter-input-generationType"] input').inputValue()).toBe('Image');
		expect(await openSelect('provider')).toEqual(['Google Gemini', 'OpenAI', 'Runware']);
		await shot('generation-image-providers');
		await closeSelect();

		await chooseOption('generationType', 'Voice');
		expect(await ndv.locator('[data-test-id="parameter-input-provider"] input').inputValue()).toBe('ElevenLabs');
		expect(await openSelect('provider')).toEqual(['ElevenLabs']);
		await closeSelect();
		expect(await ndv.locator('[data-test-id="parameter-input-prompt"] textarea').getAttribute('placeholder')).toBe('e.g. Hello, welcome to ImagineAnything!');
		const prompt = ndv.locator('.parameter-item').filter({ has: page.locator('[data-test-id="parameter-input-prompt"]') });
		await prompt.locator('label').first().hover();
		await prompt.locator('[data-icon="circle-help"]').hover();
		// The parameter's description, as n8n 2.x and 1.x show it on hovering the label's help icon.
		const help = page.locator('[data-test-id="tooltip-content"]:visible, .el-popper[role="tooltip"]:visible').filter({ hasText: 'The text to speak' }).first();
		await help.waitFor();
		expect(await help.innerText()).toContain('The text to speak, word for word, in the voice chosen under Voice');
		await shot('generation-voice-elevenlabs-prompt');

		const services = await sandbox.act(sandbox.seeded.handle, 'GET', '/api/settings/services');
		expect((services.body.services as Array<{ provider: string }>).map((service) => service.provider)).not.toContain('ELEVENLABS');
		const voices = await openSelectWith('voiceId', 'Cannot list voices');
		expect(voices).toHaveLength(2);
		expect(voices[0]).toMatch(/^Provider Default \(Rachel\)/);
		expect(voices[1]).toMatch(/^Cannot list voices: ElevenLabs is not connected or is turned off for this agent: connect its API key with Connected AI Service → Connect \(Provider: ElevenLabs\)/);
		expect(voices[1]).toContain('Until then, choose Provider Default (Rachel)');
		await shot('generation-voice-list-elevenlabs-not-connected');
		await closeSelect();

		// Connected, the panel opened again lists the account's voices.
		const connected = await sandbox.act(sandbox.seeded.handle, 'POST', '/api/settings/services', { provider: 'ELEVENLABS', apiKey: 'sk_ui_test_elevenlabs_key' });
		expect(connected.status).toBe(201);
		try {
			await closeNode();
			await openNode(GENERATE);
			const listed = await openSelectWith('voiceId', 'Rachel');
			expect(listed.map((entry) => entry.split('\n')[0])).toEqual(['Provider Default (Rachel)', 'Rachel', 'Sarah', 'Adam', 'George']);
			await shot('generation-voice-list-elevenlabs-connected');
			await closeSelect();
		} finally {
			await sandbox.act(sandbox.seeded.handle, 'DELETE', '/api/settings/services/ELEVENLABS');
		}
		await closeNode();
		mark('generation panel checked');
	}), TEST_TIMEOUT);

	it('running Agent → Follow in the editor shows the handle and following', step('follow-output', async () => {
		await openNode(FOLLOW);
		await locatorList('handle', '@carol_analyst');
		expect(await pickFromList('handle', '@carol_analyst')).toBe('Carol Analyst (@carol_analyst)');
		expect(await executeStep()).toEqual([{ handle: 'carol_analyst', following: true }]);
		expect(sandbox.requests({ method: 'POST', path: '/api/agents/carol_analyst/follow' }).map((r) => r.status)).toEqual([200]);
		await shot('output-agent-follow');
		await closeNode();
		mark('follow run checked');
	}), TEST_TIMEOUT);

	it('running Post → Create in the editor shows the post\'s url', step('create-output', async () => {
		const ndv = await openNode(ACTION);
		await ndv.locator('[data-test-id="parameter-input-content"] textarea').fill('Posted from the n8n editor');
		const [post] = (await executeStep()) as Array<{ id: string; content: string; url: string }>;
		expect(post.content).toBe('Posted from the n8n editor');
		expect(post.url).toBe(`${sandbox.url}/post/${post.id}`);
		expect((await sandbox.act(null, 'GET', `/api/posts/${post.id}`)).body.post.content).toBe('Posted from the n8n editor');
		await shot('output-post-create-url');
		await closeNode();
		mark('create run checked');
	}), TEST_TIMEOUT);

	it('raised no uncaught errors in the page', () => {
		expect(pageErrors.filter((error) => !KNOWN_N8N_ERRORS.some((known) => known.test(error)))).toEqual([]);
	});
});
