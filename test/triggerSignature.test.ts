import { createHmac } from 'crypto';

import {
	parseEvent,
	registrationSecret,
	registrationUrl,
	toOutputItem,
} from '../package/nodes/ImagineAnythingTrigger/helpers/deliveryFormat';
import { ownerOf } from '../package/nodes/ImagineAnythingTrigger/helpers/registration';
import { isSealed, seal, sealingKey, unseal } from '../package/nodes/ImagineAnythingTrigger/helpers/sealedSecret';
import {
	MAX_SEEN,
	forgetDeliveries,
	rememberDelivery,
	SEEN_KEY,
	SEEN_TTL_SECONDS,
	verifySignature,
} from '../package/nodes/ImagineAnythingTrigger/helpers/verifySignature';
import type { IDataObject } from 'n8n-workflow';

const SECRET = 'whsec_test_0123456789abcdef';
const NOW = 1_750_000_000;

/** Signed the way the delivery convention fixes it, independently of the module under test. */
function delivery(options: { secret?: string; timestamp?: number; body?: string; deliveryId?: string } = {}) {
	const timestamp = String(options.timestamp ?? NOW);
	const body = options.body ?? JSON.stringify({ id: 'evt_1', type: 'LIKE', createdAt: '2025-06-15T12:00:00.000Z', data: { postId: 'p1' } });
	const signature = createHmac('sha256', options.secret ?? SECRET).update(`${timestamp}.${body}`).digest('hex');
	return {
		headers: {
			'content-type': 'application/json',
			'x-imagineanything-event': 'LIKE',
			'x-imagineanything-delivery': options.deliveryId ?? 'dlv_1',
			'x-imagineanything-timestamp': timestamp,
			'x-imagineanything-signature': `sha256=${signature}`,
		} as Record<string, unknown>,
		rawBody: Buffer.from(body),
	};
}

describe('verifySignature', () => {
	it('accepts a valid delivery and names its delivery id', () => {
		expect(verifySignature(delivery(), SECRET, NOW)).toEqual({ valid: true, deliveryId: 'dlv_1', timestamp: NOW });
	});

	it('accepts header names in any case, a string body, and a timestamp in milliseconds', () => {
		const valid = delivery();
		const upper = Object.fromEntries(Object.entries(valid.headers).map(([k, v]) => [k.toUpperCase(), v]));
		expect(verifySignature({ headers: upper, rawBody: valid.rawBody.toString() }, SECRET, NOW).valid).toBe(true);
		const ms = NOW * 1000;
		const signed = delivery({ timestamp: ms });
		expect(verifySignature(signed, SECRET, NOW).valid).toBe(true);
	});

	it('refuses a forged signature (altered body, or a signature of other content)', () => {
		const valid = delivery();
		const altered = { ...valid, rawBody: Buffer.from(valid.rawBody.toString().replace('p1', 'p2')) };
		expect(verifySignature(altered, SECRET, NOW)).toEqual({ valid: false, reason: 'forged' });
		const otherTimestamp = { ...valid, headers: { ...valid.headers, 'x-imagineanything-timestamp': String(NOW + 1) } };
		expect(verifySignature(otherTimestamp, SECRET, NOW)).toEqual({ valid: false, reason: 'forged' });
		const zeros = { ...valid, headers: { ...valid.headers, 'x-imagineanything-signature': `sha256=${'0'.repeat(64)}` } };
		expect(verifySignature(zeros, SECRET, NOW)).toEqual({ valid: false, reason: 'forged' });
	});

	it('refuses a delivery signed with another secret', () => {
		expect(verifySignature(delivery({ secret: 'whsec_other' }), SECRET, NOW)).toEqual({ valid: false, reason: 'forged' });
	});

	it('refuses missing headers or body, and malformed ones', () => {
		const valid = delivery();
		for (const header of ['x-imagineanything-signature', 'x-imagineanything-timestamp', 'x-imagineanything-delivery']) {
			const headers = { ...valid.headers };
			delete headers[header];
			expect(verifySignature({ headers, rawBody: valid.rawBody }, SECRET, NOW)).toEqual({ valid: false, reason: 'missing' });
		}
		expect(verifySignature({ headers: valid.headers, rawBody: undefined }, SECRET, NOW)).toEqual({ valid: false, reason: 'missing' });
		expect(verifySignature({ headers: valid.headers, rawBody: Buffer.alloc(0) }, SECRET, NOW)).toEqual({ valid: false, reason: 'missing' });
		const bare = { ...valid.headers, 'x-imagineanything-signature': String(valid.headers['x-imagineanything-signature']).slice(7) };
		expect(verifySignature({ headers: bare, rawBody: valid.rawBody }, SECRET, NOW)).toEqual({ valid: false, reason: 'malformed' });
		const shortSig = { ...valid.headers, 'x-imagineanything-signature': 'sha256=abc' };
		expect(verifySignature({ headers: shortSig, rawBody: valid.rawBody }, SECRET, NOW)).toEqual({ valid: false, reason: 'malformed' });
		const badTime = { ...valid.headers, 'x-imagineanything-timestamp': 'yesterday' };
		expect(verifySignature({ headers: badTime, rawBody: valid.rawBody }, SECRET, NOW)).toEqual({ valid: false, reason: 'malformed' });
	});

	it('refuses everything when the trigger holds no secret', () => {
		expect(verifySignature(delivery(), undefined, NOW)).toEqual({ valid: false, reason: 'noSecret' });
		expect(verifySignature(delivery(), '', NOW)).toEqual({ valid: false, reason: 'noSecret' });
	});

	it('refuses stale and future timestamps beyond five minutes, accepts them within', () => {
		expect(verifySignature(delivery({ timestamp: NOW - 300 }), SECRET, NOW).valid).toBe(true);
		expect(verifySignature(delivery({ timestamp: NOW + 300 }), SECRET, NOW).valid).toBe(true);
		expect(verifySignature(delivery({ timestamp: NOW - 301 }), SECRET, NOW)).toEqual({ valid: false, reason: 'stale' });
		expect(verifySignature(delivery({ timestamp: NOW + 301 }), SECRET, NOW)).toEqual({ valid: false, reason: 'stale' });
	});
});

describe('rememberDelivery (replay protection)', () => {
	it('lets a delivery id through once and drops replays of it', () => {
		const staticData: IDataObject = {};
		expect(rememberDelivery(staticData, ['delivery:dlv_1', 'event:evt_1'], NOW)).toBe(true);
		expect(rememberDelivery(staticData, ['delivery:dlv_1', 'event:evt_1'], NOW + 1)).toBe(false);
		expect(rememberDelivery(staticData, ['delivery:dlv_2', 'event:evt_1'], NOW + 2)).toBe(false);
		expect(rememberDelivery(staticData, ['delivery:dlv_3', 'event:evt_3'], NOW + 3)).toBe(true);
	});

	it('keeps at most MAX_SEEN ids for at most a day, as plain JSON', () => {
		const staticData: IDataObject = {};
		for (let i = 0; i < MAX_SEEN + 50; i++) rememberDelivery(staticData, [`delivery:${i}`], NOW + i);
		const seen = staticData[SEEN_KEY] as Record<string, number>;
		expect(Object.keys(seen)).toHaveLength(MAX_SEEN);
		expect(seen['delivery:0']).toBeUndefined();
		expect(JSON.parse(JSON.stringify(staticData))).toEqual(staticData);
		rememberDelivery(staticData, ['delivery:late'], NOW + MAX_SEEN + 50 + SEEN_TTL_SECONDS);
		expect(Object.keys(staticData[SEEN_KEY] as object).length).toBeLessThan(MAX_SEEN);
		expect(rememberDelivery(staticData, ['delivery:0'], NOW + 2 * SEEN_TTL_SECONDS)).toBe(true);
	});
});

describe('rememberDelivery across overlapping requests', () => {
	it('writes every id the process saw into each request\'s copy, so the copy saved last holds them all', () => {
		// n8n gives each request its own copy of the static data and saves it whole afterwards.
		const loadedByFirst: IDataObject = {};
		const loadedBySecond: IDataObject = {};
		expect(rememberDelivery(loadedByFirst, ['delivery:a'], NOW, 'wf1:node1')).toBe(true);
		expect(rememberDelivery(loadedBySecond, ['delivery:b'], NOW, 'wf1:node1')).toBe(true);
		for (const savedLast of [loadedByFirst, loadedBySecond]) {
			const stored = JSON.parse(JSON.stringify(savedLast)) as IDataObject;
			expect(Object.keys(stored[SEEN_KEY] as object).sort()).toEqual(['delivery:a', 'delivery:b']);
			// A process that never saw either delivery (no scope: the stored record alone) drops both retries.
			expect(rememberDelivery({ ...stored }, ['delivery:a'], NOW + 5)).toBe(false);
			expect(rememberDelivery({ ...stored }, ['delivery:b'], NOW + 5)).toBe(false);
		}
		// In this process a retry is dropped whatever copy it arrives with; another trigger has a record of its own.
		expect(rememberDelivery({}, ['delivery:a'], NOW + 5, 'wf1:node1')).toBe(false);
		expect(rememberDelivery({}, ['delivery:a'], NOW + 5, 'wf2:node1')).toBe(true);
	});

	it('takes in the ids another process wrote, and keeps them when a later copy lacks them', () => {
		expect(rememberDelivery({}, ['delivery:mine'], NOW, 'wf3:node1')).toBe(true);
		const writtenElsewhere: IDataObject = { [SEEN_KEY]: { 'delivery:theirs': NOW - 10 } };
		expect(rememberDelivery(writtenElsewhere, ['delivery:theirs'], NOW + 1, 'wf3:node1')).toBe(false);
		const older: IDataObject = {};
		expect(rememberDelivery(older, ['delivery:next'], NOW + 2, 'wf3:node1')).toBe(true);
		expect(Object.keys(older[SEEN_KEY] as object).sort()).toEqual(['delivery:mine', 'delivery:next', 'delivery:theirs']);
	});

	it('forgets a trigger\'s process record when its registration is cleared', () => {
		expect(rememberDelivery({}, ['delivery:z'], NOW, 'wf9:node1')).toBe(true);
		forgetDeliveries('wf9:node1');
		expect(rememberDelivery({}, ['delivery:z'], NOW, 'wf9:node1')).toBe(true);
	});
});

describe('delivery format', () => {
	it('reads the event from the body, the type from the header when the body lacks it', () => {
		const event = parseEvent(Buffer.from('{"id":"evt_9","createdAt":"2025-01-01T00:00:00Z","data":{"a":1}}'), 'follow');
		expect(event).toEqual({ id: 'evt_9', type: 'FOLLOW', createdAt: '2025-01-01T00:00:00Z', data: { a: 1 } });
		expect(parseEvent(Buffer.from('not json'))).toBeUndefined();
		expect(parseEvent(Buffer.from('[1]'), 'LIKE')).toBeUndefined();
	});

	it('flattens data next to type, id and createdAt without overwriting them, with every field of its kind', () => {
		const item = toOutputItem(
			{ id: 'evt_1', type: 'ORDER', createdAt: 'T', data: { order: { id: 'ord_1', status: 'PAID' }, id: 'x', previousStatus: null } },
			{ headers: { 'x-imagineanything-event': 'ORDER' } },
		);
		// An ORDER delivery without an action still has the key (null), like the Poll Trigger's items.
		expect(Object.keys(item)).toEqual(['type', 'id', 'createdAt', 'order', 'previousStatus', 'action', 'dataId', 'headers']);
		expect(item).toEqual({
			type: 'ORDER',
			id: 'evt_1',
			createdAt: 'T',
			order: { id: 'ord_1', status: 'PAID' },
			previousStatus: null,
			action: null,
			dataId: 'x',
			headers: { 'x-imagineanything-event': 'ORDER' },
		});
	});

	it('reads the secret and URL of registration answers, bare or wrapped, under either name', () => {
		expect(registrationSecret({ secret: 's1' })).toBe('s1');
		expect(registrationSecret({ webhookSecret: 's2' })).toBe('s2');
		expect(registrationSecret({ webhook: { secret: 's3' } })).toBe('s3');
		expect(registrationSecret({ webhookUrl: 'https://x' })).toBeUndefined();
		expect(registrationUrl({ webhookUrl: 'https://a' })).toBe('https://a');
		expect(registrationUrl({ url: 'https://b' })).toBe('https://b');
		expect(registrationUrl({ webhook: { webhookUrl: 'https://c' } })).toBe('https://c');
		expect(registrationUrl({ webhookUrl: null, hasSecret: false })).toBeNull();
	});
});

describe('whose registration is it', () => {
	const production = 'https://n8n.example.com/webhook/abc-123/webhook';
	const test = 'https://n8n.example.com/webhook-test/abc-123/webhook';

	it('recognises this trigger’s production URL while testing, and its test URL while activating', () => {
		expect(ownerOf(test, production, true, 'abc-123')).toBe('thisProduction');
		expect(ownerOf(production, test, false, 'abc-123')).toBe('thisTest');
		// Custom endpoint names: still the same node through its webhook id.
		expect(ownerOf('https://n8n.example.com/hooks-test/abc-123/webhook', 'https://n8n.example.com/hooks/abc-123/webhook', true, 'abc-123')).toBe(
			'thisProduction',
		);
	});

	it('calls anything else another receiver', () => {
		expect(ownerOf(production, 'https://other.example.com/webhook/abc-123/webhook', false, 'abc-123')).toBe('other');
		expect(ownerOf(production, 'https://n8n.example.com/webhook/zzz/webhook', false, 'abc-123')).toBe('other');
		expect(ownerOf(production, 'not a url', false, 'abc-123')).toBe('other');
	});
});

describe('sealedSecret', () => {
	const credential = { clientId: 'cl_abc', clientSecret: 'ia_secret_0123456789' };

	it('seals with a fresh IV each time and opens with the same credential, also in another process (the key is derived, not stored)', () => {
		const first = seal(SECRET, sealingKey(credential));
		const second = seal(SECRET, sealingKey(credential));
		expect(first).not.toBe(second);
		expect(first).not.toContain(SECRET);
		expect(isSealed(first)).toBe(true);
		expect(unseal(first, sealingKey({ ...credential }))).toBe(SECRET);
		expect(unseal(second, sealingKey(credential))).toBe(SECRET);
	});

	it('does not open with another Client Secret or Client ID, altered text, or text that is not sealed', () => {
		const sealed = seal(SECRET, sealingKey(credential));
		expect(unseal(sealed, sealingKey({ ...credential, clientSecret: 'ia_secret_changed' }))).toBeUndefined();
		expect(unseal(sealed, sealingKey({ ...credential, clientId: 'cl_other' }))).toBeUndefined();
		const body = sealed.slice(sealed.lastIndexOf('.') + 1);
		const altered = sealed.slice(0, sealed.lastIndexOf('.') + 1) + (body[0] === 'A' ? 'B' : 'A') + body.slice(1);
		expect(unseal(altered, sealingKey(credential))).toBeUndefined();
		expect(unseal(SECRET, sealingKey(credential))).toBeUndefined();
		expect(isSealed(SECRET)).toBe(false);
	});
});
