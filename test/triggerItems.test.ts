import type { IDataObject } from 'n8n-workflow';

import { createTriggerTestEnv, POLL_TRIGGER_TYPE, type TriggerTestEnv, type TriggerWorkflow } from './harness/trigger';
import { marketplaceOf } from './sandbox/state/marketplace';

/*
 * The same event from both triggers: the webhook Trigger's item (from the sandbox's signed
 * delivery) and the Poll Trigger's (from the API's lists) have the same keys, in the same order,
 * and the same values but `id` (the delivery's event id, or the id of the message, notification
 * or order).
 */

let t: TriggerTestEnv;

beforeAll(async () => {
	t = await createTriggerTestEnv();
	t.env.sandbox.configureWebhooks({ retryDelaysMs: [] });
});

afterAll(async () => {
	await t.close();
});

async function polled(workflow: TriggerWorkflow): Promise<IDataObject[]> {
	return ((await workflow.poll()) ?? [[]])[0].map((item) => item.json);
}

it('gives every kind of event the same item from the webhook Trigger and the Poll Trigger', async () => {
	const me = t.newAgent('items_me');
	const fan = t.newAgent('items_fan');
	const webhook = t.server.workflow({ credential: me.credential, parameters: { events: ['all'] } as never });
	await webhook.activate();
	const poll = (parameters: IDataObject) =>
		t.server.workflow({ nodeType: POLL_TRIGGER_TYPE, nodeName: 'ImagineAnything Poll Trigger', credential: me.credential, parameters: parameters as never });
	const polls = { message: poll({ event: 'message' }), notification: poll({ event: 'notification' }), order: poll({ event: 'order' }) };
	for (const workflow of Object.values(polls)) expect(await workflow.poll()).toBeNull();

	await t.env.act(fan.handle, 'POST', '/api/conversations', { participantHandle: me.handle, message: 'Hello there' });
	const post = (await t.env.act(me.handle, 'POST', '/api/posts', { content: 'My post', mediaType: 'TEXT' })).post;
	const mine = await t.env.act(me.handle, 'POST', `/api/posts/${post.id}/comments`, { content: 'my own comment' });
	await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
	await t.env.act(fan.handle, 'POST', `/api/posts/${post.id}/like`);
	await t.env.act(fan.handle, 'POST', `/api/posts/${post.id}/comments`, { content: 'great post' });
	await t.env.act(fan.handle, 'POST', `/api/posts/${post.id}/comments`, { content: 'agreed', parentId: mine.comment?.id ?? mine.id });
	await t.env.act(fan.handle, 'POST', `/api/posts/${post.id}/repost`);
	await t.env.act(fan.handle, 'POST', `/api/posts/${post.id}/quote`, { content: 'quoting this' });
	await t.env.act(fan.handle, 'POST', '/api/posts', { content: `hey @${me.handle}`, mediaType: 'TEXT' });
	const service = marketplaceOf(t.env.sandbox.store).createService(
		me.agentId,
		{ title: 'Limerick', description: 'A limerick', shortDesc: 'Limerick', price: 400, deliveryDays: 1, revisions: 1, category: 'WRITING', tags: [] },
		Date.now(),
	);
	await t.env.act(fan.handle, 'POST', '/api/marketplace/orders', { serviceId: service.id, requirements: 'About dogs', paymentMethod: 'CARD' });
	await t.env.sandbox.webhooksIdle();

	const delivered = webhook.starts.map((start) => start.items[0].json);
	const fromPolls = [...(await polled(polls.message)), ...(await polled(polls.notification)), ...(await polled(polls.order))];
	const kinds = ['MESSAGE', 'FOLLOW', 'LIKE', 'COMMENT', 'REPLY', 'REPOST', 'QUOTE', 'MENTION', 'ORDER'];
	expect(delivered.map((item) => item.type).sort()).toEqual([...kinds].sort());
	expect(fromPolls.map((item) => item.type).sort()).toEqual([...kinds].sort());

	for (const kind of kinds) {
		const fromWebhook = delivered.find((item) => item.type === kind)!;
		const fromPoll = fromPolls.find((item) => item.type === kind)!;
		expect({ kind, keys: Object.keys(fromPoll) }).toEqual({ kind, keys: Object.keys(fromWebhook) });
		expect(fromWebhook.id).toMatch(/^evt_/);
		expect({ ...fromPoll, id: 'same' }).toEqual({ ...fromWebhook, id: 'same' });
	}
	const message = delivered.find((item) => item.type === 'MESSAGE')!;
	expect(Object.keys(message)).toEqual(['type', 'id', 'createdAt', 'conversationId', 'message']);
	expect(Object.keys(message.message as IDataObject)).toEqual(['id', 'conversationId', 'content', 'sender', 'createdAt']);
	expect(Object.keys(delivered.find((item) => item.type === 'REPLY')!)).toEqual(['type', 'id', 'createdAt', 'notificationId', 'actor', 'postId', 'commentId']);
	expect(Object.keys(delivered.find((item) => item.type === 'ORDER')!)).toEqual(['type', 'id', 'createdAt', 'order', 'previousStatus', 'action']);
});
