import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { parseEvent, readDeliveryHeaders, toOutputItem } from './deliveryFormat';
import { STATIC_KEYS } from './registration';
import { selectedEvents } from './sample';
import { readSecret } from './sealedSecret';
import { deliveryScope, rememberDelivery, verifySignature, type VerificationFailure } from './verifySignature';

const REFUSALS: Record<VerificationFailure | 'unreadableSecret', string> = {
	noSecret: 'This trigger holds no webhook secret. Deactivate and activate the workflow again.',
	unreadableSecret: "This trigger's webhook secret cannot be opened with the credential's current Client Secret. Deactivate and activate the workflow again.",
	missing: 'The delivery has no ImagineAnything signature, timestamp or delivery id.',
	malformed: 'The delivery\'s signature or timestamp header is malformed.',
	forged: 'The signature does not match the delivery.',
	stale: 'The delivery was signed more than five minutes ago (or ahead).',
};

/** 401 and no execution. Nothing about the expected signature or the secret is revealed. */
function refuse(this: IWebhookFunctions, reason: keyof typeof REFUSALS): IWebhookResponseData {
	const response = this.getResponseObject();
	response.status(401).json({ error: 'invalid_signature', message: REFUSALS[reason] });
	return { noWebhookResponse: true };
}

function answer(status: 'duplicate' | 'ignored', type?: string): IWebhookResponseData {
	return { webhookResponse: { received: true, [status]: true, ...(type ? { type } : {}) } };
}

/**
 * Handles one delivery: verify (401 unless authentic and fresh), drop replays and retries of
 * deliveries already handled (200, no execution), drop event types not selected (200), and
 * start the workflow with one item for the rest.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const staticData = this.getWorkflowStaticData('node');
	const request = this.getRequestObject();
	const headers = this.getHeaderData() as Record<string, unknown>;
	const now = Math.floor(Date.now() / 1000);
	const kept = await readSecret.call(this, staticData, STATIC_KEYS.secret);
	if ('problem' in kept && kept.problem === 'unreadable') return refuse.call(this, 'unreadableSecret');
	const verification = verifySignature(
		{ headers, rawBody: request.rawBody as Buffer | undefined },
		'secret' in kept ? kept.secret : undefined,
		now,
	);
	if (!verification.valid) return refuse.call(this, verification.reason);

	const event = parseEvent(request.rawBody as Buffer, readDeliveryHeaders(headers).event);
	const ids = [`delivery:${verification.deliveryId}`, ...(event?.id ? [`event:${event.id}`] : [])];
	// A test sample is checked against this listen's own record only (it may replay an event again).
	const sample = staticData[STATIC_KEYS.sample] === true;
	if (!rememberDelivery(staticData, ids, now, sample ? undefined : deliveryScope(this))) return answer('duplicate', event?.type);
	if (!event) return answer('ignored');

	const selected = selectedEvents(this);
	if (!selected.includes('ALL') && !selected.includes(event.type)) return answer('ignored', event.type);

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const item = toOutputItem(event, { sample, headers: options.includeHeaders === true ? headers : undefined });
	return { workflowData: [this.helpers.returnJsonArray([item])] };
}
