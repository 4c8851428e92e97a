/**
 * Replay protection across n8n processes, through n8n-core's WebhookContext. n8n (main or a
 * webhook processor) gives every request its own copy of the workflow's static data, loaded when
 * the request arrives, and saves that copy whole when the request ends. Overlapping deliveries
 * must not erase each other's record, whatever order their copies are saved in, and a process that
 * never saw a delivery must recognise its retry from what was saved.
 */
import { createHmac, randomBytes } from 'crypto';

import { WebhookContext } from 'n8n-core';
import type { IDataObject, IWebhookResponseData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { ImagineAnythingTrigger } from '../package/nodes/ImagineAnythingTrigger/ImagineAnythingTrigger.node';
import { forgetDeliveries, SEEN_KEY } from '../package/nodes/ImagineAnythingTrigger/helpers/verifySignature';
import { createTriggerTestEnv, type TriggerTestEnv } from './harness/trigger';
import { webhookConfigOf } from './sandbox/state/webhooks';

let t: TriggerTestEnv;

beforeAll(async () => {
	t = await createTriggerTestEnv();
});

afterAll(async () => {
	await t.close();
});

interface Delivery {
	id: string;
	type: string;
	rawBody: string;
}

function newDelivery(type: string): Delivery {
	const rawBody = JSON.stringify({ id: `evt_${randomBytes(8).toString('hex')}`, type, createdAt: new Date().toISOString(), data: {} });
	return { id: `dlv_${randomBytes(8).toString('hex')}`, type, rawBody };
}

/** The headers of one attempt, as the service signs every attempt: same id and body, the attempt's timestamp. */
function attemptHeaders(secret: string, delivery: Delivery): Record<string, string> {
	const timestamp = String(Math.floor(Date.now() / 1000));
	return {
		'content-type': 'application/json',
		'x-imagineanything-event': delivery.type,
		'x-imagineanything-delivery': delivery.id,
		'x-imagineanything-timestamp': timestamp,
		'x-imagineanything-signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${delivery.rawBody}`).digest('hex')}`,
	};
}

it('overlapping deliveries all end up in the saved static data, in any save order: a process without memory of them drops every retry', async () => {
	const me = t.newAgent('replay_me');
	const workflow = t.server.workflow({ credential: me.credential, parameters: { events: ['all'] } as never });
	await workflow.activate();
	const secret = webhookConfigOf(t.env.sandbox.store, me.agentId)!.secret;
	const deliveries = ['FOLLOW', 'LIKE', 'COMMENT', 'MENTION', 'MESSAGE', 'ORDER'].map(newDelivery);

	// Every request loads its copy before any copy is saved, as when they arrive together.
	const [webhook] = workflow.webhooks(false);
	const trigger = new ImagineAnythingTrigger();
	const requests = deliveries.map((delivery) => {
		const copy = workflow.build();
		const httpRequest = { method: 'POST', headers: attemptHeaders(secret, delivery), body: JSON.parse(delivery.rawBody), rawBody: Buffer.from(delivery.rawBody), query: {}, params: {} };
		const additionalData = { ...t.server.additionalData(), httpRequest, httpResponse: {} } as unknown as IWorkflowExecuteAdditionalData;
		return { copy, context: new WebhookContext(copy, workflow.node, additionalData, 'webhook', webhook, [], null) };
	});
	const results = await Promise.all(requests.map(async ({ context }) => (await trigger.webhook.call(context)) as IWebhookResponseData));
	expect(results.map((result) => result.workflowData?.[0]?.length)).toEqual(deliveries.map(() => 1));
	// Saved in the reverse order: the copy of the first request is written last.
	for (const { copy } of [...requests].reverse()) workflow.staticData = JSON.parse(JSON.stringify(copy.staticData)) as IDataObject;
	const saved = Object.keys(workflow.nodeStaticData()[SEEN_KEY] as object).filter((id) => id.startsWith('delivery:'));
	expect(saved.sort()).toEqual(deliveries.map((d) => `delivery:${d.id}`).sort());

	// Now as a process that never saw them (main, another webhook processor, this one restarted).
	forgetDeliveries(`${workflow.id}:${workflow.node.id}`);
	for (const delivery of deliveries) {
		const response = await fetch(workflow.url(false), { method: 'POST', headers: attemptHeaders(secret, delivery), body: delivery.rawBody });
		expect({ delivery: delivery.id, status: response.status, answer: await response.json() }).toMatchObject({
			delivery: delivery.id,
			status: 200,
			answer: { received: true, duplicate: true },
		});
	}
	expect(workflow.starts).toEqual([]);
});
