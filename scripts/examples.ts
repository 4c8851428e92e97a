/**
 * The example workflows of examples/ made runnable against a sandbox by `n8n execute`, shared by
 * the headless e2e and `npm run demo`. Each prepare* function sets up what the workflow needs in
 * the sandbox and answers the workflow to import (credentials pointed, triggers replaced).
 *
 * Webhook-triggered examples (DM auto-reply, order fulfilment) cannot start from their trigger
 * under `n8n execute`: their trigger becomes a Manual Trigger + a Set node of the same name that
 * outputs the event item exactly as ImagineAnything Trigger would. The event is real: the agent's
 * webhook points at a local receiver while the sandbox acts, and the received body goes through
 * the trigger's own parseEvent/toOutputItem. The real trigger path is covered by trigger e2e tests.
 */
import * as http from 'http';
import type { IDataObject } from 'n8n-workflow';

import { parseEvent, toOutputItem } from '../package/nodes/ImagineAnythingTrigger/helpers/deliveryFormat';
import type { Sandbox } from '../test/sandbox';
import { marketplaceOf } from '../test/sandbox/state/marketplace';
import { idFor, loadExample, NODE_TYPES, nodeNamed, prepareWorkflow, replaceTrigger, type CredentialRef, type Workflow } from './n8n';

export const EXAMPLE_FILES = {
	scheduledPost: 'scheduled-post.json',
	dmAutoReply: 'dm-auto-reply.json',
	orderFulfilment: 'order-fulfilment.json',
	onboardingRegister: 'onboarding-1-register.json',
	onboardingProfile: 'onboarding-2-profile.json',
} as const;

/** The Poll Trigger's Event for each example that starts at the webhook Trigger, and the trigger node's name. */
export const POLL_SWAPS = {
	dmAutoReply: { trigger: 'New Direct Message', event: 'message' },
	orderFulfilment: { trigger: 'New Order Event', event: 'order' },
} as const;

/** The MESSAGE event item ImagineAnything Trigger outputs (typed: the fields callers read). */
export interface MessageEventItem extends IDataObject {
	conversationId: string;
	message: IDataObject & { id: string; content: string; createdAt: string };
}

/** The ORDER event item ImagineAnything Trigger outputs (typed: the fields callers read). */
export interface OrderEventItem extends IDataObject {
	order: IDataObject & { id: string; status: string; amount: number; currency?: string; service: IDataObject & { title: string } };
}

/**
 * A copy of `workflow` whose node `triggerName` (an ImagineAnything Trigger) is an ImagineAnything
 * Poll Trigger of the same name watching `parameters.event`, as the README suggests for n8n
 * without a public HTTPS address. Everything after the trigger is unchanged.
 */
export function withPollTrigger(workflow: Workflow, triggerName: string, parameters: Record<string, unknown>): Workflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as Workflow;
	const node = nodeNamed(copy, triggerName);
	if (node.type !== NODE_TYPES.trigger) throw new Error(`"${triggerName}" is not an ImagineAnything Trigger`);
	node.type = NODE_TYPES.pollTrigger;
	node.parameters = parameters;
	delete node.webhookId;
	return copy;
}

async function act(sandbox: Sandbox, handle: string | null, method: string, path: string, body?: unknown): Promise<unknown> {
	const answer = await sandbox.act(handle, method, path, body);
	if (answer.status >= 300) throw new Error(`${method} ${path} as ${String(handle)}: ${answer.status} ${JSON.stringify(answer.body)}`);
	return answer.body;
}

/**
 * Runs `action` while `handle`'s webhook points at a local receiver; answers the first event of
 * `type` received, as ImagineAnything Trigger outputs it. The previous registration is restored.
 */
export async function captureEvent(
	sandbox: Sandbox,
	handle: string,
	type: string,
	action: () => Promise<void> | void,
): Promise<IDataObject> {
	const received: Buffer[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push(Buffer.concat(chunks));
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	const { webhookUrl: before } = (await act(sandbox, handle, 'GET', '/api/agents/me/webhook')) as { webhookUrl: string | null };
	try {
		await act(sandbox, handle, 'PATCH', '/api/agents/me/webhook', { webhookUrl: `http://127.0.0.1:${port}/hook` });
		await action();
		await sandbox.webhooksIdle(10_000);
	} finally {
		if (before) await act(sandbox, handle, 'PATCH', '/api/agents/me/webhook', { webhookUrl: before });
		else await act(sandbox, handle, 'DELETE', '/api/agents/me/webhook');
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
	for (const body of received) {
		const event = parseEvent(body);
		if (event?.type === type) return toOutputItem(event);
	}
	throw new Error(`no ${type} event reached @${handle}'s webhook (${received.length} deliveries)`);
}

/** (a) Scheduled posting; the Schedule Trigger becomes a Manual Trigger + an item like the one it outputs. */
export function prepareScheduledPost(credential: CredentialRef): Workflow {
	const now = new Date();
	const workflow = replaceTrigger(loadExample(EXAMPLE_FILES.scheduledPost), 'Every Morning', {
		timestamp: now.toISOString(),
		'Readable date': now.toUTCString(),
		'Day of week': now.toLocaleDateString('en-US', { weekday: 'long' }),
		timezone: 'UTC',
	});
	return prepareWorkflow(workflow, { id: idFor('example:scheduled-post'), credential });
}

/** (b) DM auto-reply: `from` writes `text` to `agent`; the workflow answers that event. */
export async function prepareDmAutoReply(
	sandbox: Sandbox,
	options: { agent: string; from: string; text: string; credential: CredentialRef },
): Promise<{ workflow: Workflow; event: MessageEventItem; conversationId: string }> {
	const event = (await captureEvent(sandbox, options.agent, 'MESSAGE', async () => {
		await act(sandbox, options.from, 'POST', '/api/conversations', { participantHandle: options.agent, message: options.text });
	})) as MessageEventItem;
	const workflow = replaceTrigger(loadExample(EXAMPLE_FILES.dmAutoReply), 'New Direct Message', event);
	return {
		workflow: prepareWorkflow(workflow, { id: idFor(`example:dm-auto-reply:${String(event.conversationId)}`), credential: options.credential }),
		event,
		conversationId: String(event.conversationId),
	};
}

/** (c) Order fulfilment: `seller` offers a service, `buyer` orders and pays it; the workflow answers the paid-order event. */
export async function prepareOrderFulfilment(
	sandbox: Sandbox,
	options: { seller: string; buyer: string; credential: CredentialRef; requirements?: string },
): Promise<{ workflow: Workflow; event: OrderEventItem; orderId: string; serviceId: string }> {
	const service = (await act(sandbox, options.seller, 'POST', '/api/marketplace/services', {
		title: 'Daily Automation Report',
		description: 'I build an n8n workflow that sends you a daily report of your agent activity',
		shortDesc: 'Automated daily reports',
		price: 1500,
		deliveryDays: 1,
		revisions: 1,
		category: 'AUTOMATION',
		tags: ['n8n', 'reports'],
	})) as { service: { id: string } };
	const serviceId = String(service.service.id);
	const placed = (await act(sandbox, options.buyer, 'POST', '/api/marketplace/orders', {
		serviceId,
		requirements: options.requirements ?? 'A weekly summary of my followers and likes',
		paymentMethod: 'CARD',
	})) as { order: { id: string } };
	const orderId = String(placed.order.id);
	const event = (await captureEvent(sandbox, options.seller, 'ORDER', () => {
		marketplaceOf(sandbox.store).confirmPayment(orderId);
	})) as OrderEventItem;
	const workflow = replaceTrigger(loadExample(EXAMPLE_FILES.orderFulfilment), 'New Order Event', event);
	return {
		workflow: prepareWorkflow(workflow, { id: idFor(`example:order-fulfilment:${orderId}`), credential: options.credential }),
		event,
		orderId,
		serviceId,
	};
}

/** (d) Onboarding 1/2: registers `handle` at the sandbox (Register needs no credential). */
export function prepareOnboardingRegister(sandbox: Sandbox, options: { handle: string; name?: string }): Workflow {
	const workflow = loadExample(EXAMPLE_FILES.onboardingRegister);
	const settings = nodeNamed(workflow, 'Agent Settings').parameters as { assignments: { assignments: Array<{ name: string; value: string }> } };
	for (const assignment of settings.assignments.assignments) {
		if (assignment.name === 'baseUrl') assignment.value = sandbox.url;
		if (assignment.name === 'handle') assignment.value = options.handle;
		if (assignment.name === 'name' && options.name) assignment.value = options.name;
	}
	return prepareWorkflow(workflow, { id: idFor(`example:onboarding-register:${options.handle}`) });
}

/** (d) Onboarding 2/2 with the credential of the agent that 1/2 registered. */
export function prepareOnboardingProfile(credential: CredentialRef): Workflow {
	return prepareWorkflow(loadExample(EXAMPLE_FILES.onboardingProfile), { id: idFor(`example:onboarding-profile:${credential.id}`), credential });
}
