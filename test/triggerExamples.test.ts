import type { INodeExecutionData } from 'n8n-workflow';

import { EXAMPLE_FILES, POLL_SWAPS, withPollTrigger } from '../scripts/examples';
import { loadExample, nodeNamed, prepareWorkflow, type Workflow } from '../scripts/n8n/workflows';
import { createTriggerTestEnv, POLL_TRIGGER_TYPE, TRIGGER_TYPE, type TriggerTestEnv, type TriggerWorkflow } from './harness/trigger';
import { runWorkflowFrom } from './harness/workflow';
import { marketplaceOf } from './sandbox/state/marketplace';

/*
 * The trigger-based examples, run through n8n's engine from each trigger: the webhook Trigger as
 * shipped, and the Poll Trigger swapped in (as the README suggests without a public URL). The
 * events are real (another agent acts in the sandbox); the trigger's items feed the example's
 * other nodes, and the test reads what reached the wire.
 */

let t: TriggerTestEnv;

beforeAll(async () => {
	t = await createTriggerTestEnv();
	t.env.sandbox.configureWebhooks({ retryDelaysMs: [] });
});

afterAll(async () => {
	await t.close();
});

type Agent = ReturnType<TriggerTestEnv['newAgent']>;
type TriggerKind = 'webhook' | 'poll';

/** The example for `agent`, with its trigger as shipped or swapped for the Poll Trigger. */
function example(file: string, swap: { trigger: string; event: string }, kind: TriggerKind, agent: Agent): Workflow {
	const shipped = loadExample(file);
	const workflow = kind === 'poll' ? withPollTrigger(shipped, swap.trigger, { event: swap.event }) : shipped;
	return prepareWorkflow(workflow, { id: `example-${kind}-${agent.handle}`, credential: { id: agent.credential.id!, name: agent.credential.name } });
}

/** The example's trigger node, activated for `agent` (webhook registered, or the poll's starting point taken). */
async function activeTrigger(workflow: Workflow, triggerName: string, kind: TriggerKind, agent: Agent): Promise<TriggerWorkflow> {
	const node = nodeNamed(workflow, triggerName);
	const trigger = t.server.workflow({
		nodeType: kind === 'poll' ? POLL_TRIGGER_TYPE : TRIGGER_TYPE,
		nodeName: triggerName,
		credential: agent.credential,
		parameters: node.parameters as never,
	});
	if (kind === 'poll') expect(await trigger.poll()).toBeNull();
	else await trigger.activate();
	return trigger;
}

/** What the trigger fired with since activation: one list of items per workflow start. */
async function fired(trigger: TriggerWorkflow, kind: TriggerKind): Promise<INodeExecutionData[][]> {
	if (kind === 'poll') return (await trigger.poll()) ?? [];
	await t.env.sandbox.webhooksIdle();
	return trigger.starts.map((start) => start.items);
}

async function runAll(workflow: Workflow, triggerName: string, kind: TriggerKind, starts: INodeExecutionData[][]) {
	const runs = [];
	for (const items of starts) {
		const run = await runWorkflowFrom(workflow, {
			startNode: triggerName,
			items,
			mode: kind === 'poll' ? 'trigger' : 'webhook',
			additionalData: t.server.additionalData(),
		});
		expect(run.error).toBeUndefined();
		runs.push(run);
	}
	return runs;
}

describe.each<TriggerKind>(['webhook', 'poll'])('examples with the %s trigger', (kind) => {
	it('DM auto-reply answers in the conversation with the sender’s handle and their text, and marks it read', async () => {
		const me = t.newAgent(`ex_dm_${kind}`);
		const fan = t.newAgent(`ex_dm_${kind}_fan`);
		const { trigger: triggerName } = POLL_SWAPS.dmAutoReply;
		const workflow = example(EXAMPLE_FILES.dmAutoReply, POLL_SWAPS.dmAutoReply, kind, me);
		const trigger = await activeTrigger(workflow, triggerName, kind, me);

		const started = await t.env.act(fan.handle, 'POST', '/api/conversations', { participantHandle: me.handle, message: 'Do you sell haiku?' });
		const conversationId: string = started.conversation.id;
		const starts = await fired(trigger, kind);
		expect(starts).toHaveLength(1);
		t.env.mark();
		await runAll(workflow, triggerName, kind, starts);

		const sent = t.env.requestsSinceMark().filter((r) => r.agentHandle === me.handle && r.method === 'POST');
		expect(sent.map((r) => r.path)).toEqual([`/api/conversations/${conversationId}/messages`, `/api/conversations/${conversationId}/read`]);
		const reply = String((sent[0].body as { content: string }).content);
		expect(reply).toContain(`Hi @${fan.handle},`);
		expect(reply).toContain('You wrote: "Do you sell haiku?"');
	});

	it('order fulfilment starts, delivers and writes to the buyer once the order is paid', async () => {
		const seller = t.newAgent(`ex_ord_${kind}`);
		const buyer = t.newAgent(`ex_ord_${kind}_buyer`);
		const { trigger: triggerName } = POLL_SWAPS.orderFulfilment;
		const workflow = example(EXAMPLE_FILES.orderFulfilment, POLL_SWAPS.orderFulfilment, kind, seller);
		const trigger = await activeTrigger(workflow, triggerName, kind, seller);

		const market = marketplaceOf(t.env.sandbox.store);
		const service = market.createService(
			seller.agentId,
			{ title: 'Cat poem', description: 'A poem about cats', shortDesc: 'Poem', price: 700, deliveryDays: 1, revisions: 1, category: 'WRITING', tags: [] },
			Date.now(),
		);
		const placed = await t.env.act(buyer.handle, 'POST', '/api/marketplace/orders', { serviceId: service.id, requirements: 'Two cats', paymentMethod: 'CARD' });
		const orderId: string = placed.order.id;
		market.confirmPayment(orderId);
		// The webhook Trigger starts once per change (placed, paid); the Poll Trigger once for the new, paid order.
		const starts = await fired(trigger, kind);
		expect(starts.flat().map((item) => [item.json.type, (item.json.order as { status: string }).status])).toEqual(
			kind === 'poll' ? [['ORDER', 'PAID']] : [['ORDER', 'PENDING_PAYMENT'], ['ORDER', 'PAID']],
		);
		t.env.mark();
		await runAll(workflow, triggerName, kind, starts);

		const writes = t.env.requestsSinceMark().filter((r) => r.agentHandle === seller.handle && r.method !== 'GET');
		expect(writes.map((r) => [r.method, r.path, (r.body as { action?: string }).action])).toEqual([
			['PATCH', `/api/marketplace/orders/${orderId}`, 'start'],
			['PATCH', `/api/marketplace/orders/${orderId}`, 'deliver'],
			['POST', `/api/marketplace/orders/${orderId}/messages`, undefined],
		]);
		expect(String((writes[2].body as { content: string }).content)).toContain(`Hi @${buyer.handle}, your order "Cat poem" is delivered.`);
	});
});
