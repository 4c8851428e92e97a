import { randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TriggerEvent } from '../../ImagineAnything/shared/eventItems';
import { apiRequest } from '../../ImagineAnything/transport';
import { registrationSecret, registrationUrl } from './deliveryFormat';
import { deliverSample, describeSelection, latestSelectedEvent, selectedEvents } from './sample';
import { keepSecret, readSecret } from './sealedSecret';
import { deliveryScope, forgetDeliveries, SEEN_KEY } from './verifySignature';

/*
 * ImagineAnything keeps ONE webhook URL per agent, and registering a URL replaces the one
 * before. n8n gives a trigger two URLs (production while the workflow is active, test while
 * the editor listens for a test event), so without care a test listen silently takes the
 * events of the active workflow away. Restoring afterwards is not possible: registering
 * regenerates the signing secret, the service never returns a secret again, and the test
 * run cannot write the production workflow's static data. So activation refuses to replace
 * a registration that is not this trigger's own URL, and says what to do, unless the user
 * turns on "Replace Existing Registration"; a test listen leaves such a registration alone and
 * replays the agent's latest matching event to the test URL instead (sample.ts).
 */

const PATH = '/api/agents/me/webhook';

export const STATIC_KEYS = {
	url: 'webhookUrl',
	secret: 'webhookSecret',
	registeredAt: 'registeredAt',
	/** True while a test listen replays a sample: nothing is registered with the service. */
	sample: 'sample',
} as const;

export type RegistrationOwner =
	/** The production URL of this same trigger node (its workflow is active). */
	| 'thisProduction'
	/** The test URL of this same trigger node (a "Listen for test event" runs or was interrupted). */
	| 'thisTest'
	/** Any other URL: another workflow, another n8n, another app, or a stale registration. */
	| 'other';

function ourUrl(this: IHookFunctions): string {
	const url = this.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(this.getNode(), 'n8n did not provide a webhook URL for this trigger');
	return url;
}

function isTestListen(this: IHookFunctions): boolean {
	return this.getMode() === 'manual' || this.getActivationMode() === 'manual';
}

/** The HTTP status of a NodeApiError from apiRequest (read by shape: n8n may load its own copy of the class). */
function statusOf(error: unknown): number | undefined {
	const code = (error as { httpCode?: unknown } | undefined)?.httpCode;
	return code ? Number(code) : undefined;
}

/** The URL the service delivers this agent's events to now (null: none). */
export async function registeredUrl(this: IHookFunctions): Promise<string | null> {
	const answer = await apiRequest.call(this, { method: 'GET', path: PATH, allowNotFound: true });
	return answer.status === 404 ? null : registrationUrl(answer.body);
}

/**
 * Whose URL `registered` is, seen from this trigger (whose own URL is `ours`). n8n's test and
 * production URLs of one node differ only in the endpoint segment (`/webhook-test/` vs
 * `/webhook/` by default) and share the node's webhook id.
 */
export function ownerOf(ours: string, registered: string, isTest: boolean, webhookId?: string): RegistrationOwner {
	const counterpart = isTest
		? ours.replace('/webhook-test/', '/webhook/')
		: ours.replace('/webhook/', '/webhook-test/');
	let sameNode = counterpart !== ours && registered === counterpart;
	if (!sameNode && webhookId) {
		try {
			const path = new URL(registered).pathname;
			sameNode = new URL(ours).origin === new URL(registered).origin && path.includes(`/${webhookId}/`);
		} catch {
			sameNode = false;
		}
	}
	if (!sameNode) return 'other';
	return isTest ? 'thisProduction' : 'thisTest';
}

const REPLACE = 'turn on "Replace Existing Registration" in this trigger\'s options';
const POLL = 'use the ImagineAnything Poll Trigger';

/**
 * The refusal when the agent's registration belongs to someone else. Its message says what to do:
 * n8n 2.8 shows only the message of a failed activation or test, not the description.
 * `noSample`: a test listen found no event of `selection` to replay.
 */
export function conflictError(
	this: IHookFunctions,
	ours: string,
	registered: string,
	noSample?: { selection: string },
): NodeOperationError {
	const owner = ownerOf(ours, registered, isTestListen.call(this), this.getNode().webhookId);
	const intro = `ImagineAnything keeps one webhook URL per agent, and this agent's events already go to ${registered}`;
	if (owner === 'thisTest') {
		return new NodeOperationError(
			this.getNode(),
			`${intro}, the test URL of this trigger: a test of this trigger in the editor ("Execute step" or "Listen for test event") is running or was interrupted. Stop listening in the editor (or wait until it times out) and activate again, or ${REPLACE}.`,
			{ description: 'With "Replace Existing Registration" on, activating takes the registration over from the test.' },
		);
	}
	const whose =
		owner === 'thisProduction'
			? 'the production URL of this workflow (it is active; "published" in n8n 2.x)'
			: "which is not this trigger's URL (another workflow, another n8n instance or app, or an old registration)";
	const waysOut =
		owner === 'thisProduction'
			? `deactivate this workflow while you test (in n8n 2.x: unpublish it), select another agent's credential, ${REPLACE}, or ${POLL}`
			: `deactivate (in n8n 2.x: unpublish) the workflow or app that receives them, select another agent's credential, ${REPLACE}, or ${POLL}`;
	const consequence =
		owner === 'thisProduction'
			? '"Replace Existing Registration" takes the events from the active workflow, which then receives nothing until you deactivate and activate it again: registering changes the signing secret, so it cannot be undone afterwards.'
			: '"Replace Existing Registration" takes the webhook over: the other receiver then gets no more events.';
	if (noSample) {
		const what = noSample.selection || 'event of the selected kinds (Test pings are not kept to replay)';
		return new NodeOperationError(
			this.getNode(),
			`${intro}, ${whose}. A test leaves that registration alone and replays the agent's latest ${what} instead, but the agent has none yet. Make one happen (for example, have another agent send yours a direct message) and listen again, or ${waysOut}.`,
			{ description: consequence },
		);
	}
	return new NodeOperationError(this.getNode(), `${intro}, ${whose}. To use this trigger, ${waysOut}.`, { description: consequence });
}

function httpsHint(this: IHookFunctions, error: unknown, ours: string): unknown {
	const status = statusOf(error);
	if (ours.startsWith('https://') || (status !== 400 && status !== 422)) return error;
	const serviceMessage = (error as Error).message;
	return new NodeOperationError(
		this.getNode(),
		`ImagineAnything refused to register ${ours}: ${serviceMessage}. ImagineAnything only delivers to HTTPS URLs: give n8n a public HTTPS address (N8N_WEBHOOK_URL, or WEBHOOK_URL before n8n 2.41) or use the ImagineAnything Poll Trigger.`,
		{
			description:
				"n8n's URL for this trigger starts with http://. Give n8n a public HTTPS address (for self-hosted n8n: set the N8N_WEBHOOK_URL environment variable, WEBHOOK_URL before n8n 2.41, to the HTTPS address of your reverse proxy or tunnel) and activate again, or use the ImagineAnything Poll Trigger, which needs no public URL.",
		},
	);
}

function clearStaticData(staticData: IDataObject): void {
	for (const key of [...Object.values(STATIC_KEYS), SEEN_KEY]) delete staticData[key];
}

function clearLocalState(this: IHookFunctions, staticData: IDataObject): void {
	clearStaticData(staticData);
	forgetDeliveries(deliveryScope(this));
}

/**
 * A test listen without a registration: a secret of its own, kept like a registration's, signs
 * the replayed event. The process's record of seen deliveries is the production trigger's and
 * is left alone.
 */
async function listenWithSample(this: IHookFunctions, staticData: IDataObject, ours: string, event: TriggerEvent): Promise<void> {
	const secret = randomBytes(32).toString('hex');
	clearStaticData(staticData);
	staticData[STATIC_KEYS.url] = ours;
	await keepSecret.call(this, staticData, STATIC_KEYS.secret, secret);
	staticData[STATIC_KEYS.registeredAt] = new Date().toISOString();
	staticData[STATIC_KEYS.sample] = true;
	void deliverSample.call(this, event, secret, ours);
}

/** True when the service delivers to this trigger's URL and the trigger holds the secret for it. */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const ours = ourUrl.call(this);
	if (staticData[STATIC_KEYS.url] !== ours || !('secret' in (await readSecret.call(this, staticData, STATIC_KEYS.secret)))) return false;
	return (await registeredUrl.call(this)) === ours;
}

/** Registers this trigger's URL with a fresh secret, unless the registration belongs to someone else. */
export async function create(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const ours = ourUrl.call(this);
	const replace = this.getNodeParameter('options.replaceExistingRegistration', false) as boolean;
	const registered = await registeredUrl.call(this);
	// This trigger's earlier URL (n8n's address changed since) is its own to replace.
	const own = registered === ours || registered === staticData[STATIC_KEYS.url];
	if (registered !== null && !own && !replace) {
		if (!isTestListen.call(this)) throw conflictError.call(this, ours, registered);
		const event = await latestSelectedEvent.call(this);
		if (!event) throw conflictError.call(this, ours, registered, { selection: describeSelection(selectedEvents(this)) });
		await listenWithSample.call(this, staticData, ours, event);
		return true;
	}

	let answer: unknown;
	try {
		answer = (
			await apiRequest.call(this, {
				method: 'PATCH',
				path: PATH,
				body: { webhookUrl: ours, regenerateSecret: true },
				action: 'Register the webhook URL',
				expect: 'object',
			})
		).body;
	} catch (error) {
		throw httpsHint.call(this, error, ours);
	}
	const secret = registrationSecret(answer);
	if (!secret) {
		throw new NodeOperationError(
			this.getNode(),
			'ImagineAnything registered the webhook URL but answered without a signing secret, so deliveries could not be verified',
			{ description: 'Activate the workflow again. If this keeps happening, use the ImagineAnything Poll Trigger instead.' },
		);
	}
	clearLocalState.call(this, staticData);
	staticData[STATIC_KEYS.url] = ours;
	await keepSecret.call(this, staticData, STATIC_KEYS.secret, secret);
	staticData[STATIC_KEYS.registeredAt] = new Date().toISOString();
	return true;
}

/** Removes the registration only while it is still ours; the local secret goes in any case. */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	if (staticData[STATIC_KEYS.sample] === true) {
		clearStaticData(staticData);
		return true;
	}
	const ours = new Set([ourUrl.call(this), staticData[STATIC_KEYS.url]].filter((u): u is string => typeof u === 'string'));
	try {
		const registered = await registeredUrl.call(this);
		if (registered !== null && ours.has(registered)) {
			await apiRequest.call(this, { method: 'DELETE', path: PATH, allowNotFound: true, action: 'Remove the webhook URL' });
		}
	} finally {
		clearLocalState.call(this, staticData);
	}
	return true;
}
