import { randomBytes } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { NOTIFICATION_EVENT_TYPES, timeOf, type TriggerEvent } from '../../ImagineAnything/shared/eventItems';
import { latestMessage, latestNotification, latestOrder } from '../../ImagineAnything/shared/eventReads';
import { HEADERS, SIGNATURE_PREFIX } from './deliveryFormat';
import { computeSignature } from './verifySignature';

/*
 * A test listen while the agent's webhook belongs to another URL (an active workflow, another
 * app) must not take that registration away. Instead the trigger replays the agent's latest
 * event of the selected kinds, read from the API, to its own test URL: a delivery signed with a
 * secret of this listen only, so it takes the same path as a real one (verification, item shape).
 *
 * It is sent after create() returns: n8n routes the test URL before calling create(), but hands
 * the listen its static data (which holds the secret) only afterwards. Until then the delivery
 * is refused (401) and is sent again.
 */

const ATTEMPTS = 10;
const PAUSE_MS = 500;

/** The event types the node takes, upper case (`ALL` for every one). */
export function selectedEvents(context: IHookFunctions | IWebhookFunctions): string[] {
	return (context.getNodeParameter('events', ['all']) as string[]).map((event) => event.toUpperCase());
}

/** What the selection can replay, in words ("direct message or order"); empty when nothing can be. */
export function describeSelection(selected: string[]): string {
	const all = selected.includes('ALL');
	const notifications = NOTIFICATION_EVENT_TYPES.filter((type) => all || selected.includes(type));
	const kinds = [
		...(all || selected.includes('MESSAGE') ? ['direct message'] : []),
		...(notifications.length === NOTIFICATION_EVENT_TYPES.length
			? ['notification']
			: notifications.length > 0
				? [`${notifications.map((type) => type.toLowerCase()).join(', ')} notification`]
				: []),
		...(all || selected.includes('ORDER') ? ['order'] : []),
	];
	return kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}` : (kinds[0] ?? '');
}

/** The agent's latest event of the selected kinds (direct message, notification, order), if any. */
export async function latestSelectedEvent(this: IHookFunctions): Promise<TriggerEvent | undefined> {
	const selected = selectedEvents(this);
	const all = selected.includes('ALL');
	const types = all ? [] : NOTIFICATION_EVENT_TYPES.filter((type) => selected.includes(type));
	const candidates = [
		all || selected.includes('MESSAGE') ? await latestMessage.call(this, false) : undefined,
		all || types.length > 0 ? await latestNotification.call(this, types) : undefined,
		all || selected.includes('ORDER') ? await latestOrder.call(this, { role: 'all', statuses: [] }) : undefined,
	].filter((event): event is TriggerEvent => event !== undefined);
	return candidates.sort((a, b) => (timeOf(b) || 0) - (timeOf(a) || 0))[0];
}

/** Sends `event` to `url` as a delivery signed with `secret`, again while n8n is not ready for it. */
export async function deliverSample(this: IHookFunctions, event: TriggerEvent, secret: string, url: string): Promise<void> {
	const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt, data: event.data });
	const deliveryId = `sample_${randomBytes(8).toString('hex')}`;
	let outcome = '';
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		await sleep(PAUSE_MS);
		const timestamp = String(Math.floor(Date.now() / 1000));
		try {
			const response = (await this.helpers.httpRequest({
				method: 'POST',
				url,
				body,
				headers: {
					'Content-Type': 'application/json',
					[HEADERS.event]: event.type,
					[HEADERS.delivery]: deliveryId,
					[HEADERS.timestamp]: timestamp,
					[HEADERS.signature]: `${SIGNATURE_PREFIX}${computeSignature(secret, timestamp, Buffer.from(body, 'utf8'))}`,
				},
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number };
			if (response.statusCode < 300) return;
			outcome = `answered ${response.statusCode}`;
			if (response.statusCode !== 401 && response.statusCode !== 404) break;
		} catch (error) {
			outcome = (error as Error).message;
		}
	}
	this.logger.warn(`ImagineAnything Trigger: the sample event for the test could not be sent to ${url} (${outcome})`);
}
