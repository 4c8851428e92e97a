import { presentOrder } from '../areas/marketplaceShared';
import { marketplaceOf, type OrderChange } from '../state/marketplace';
import type { Store } from '../state/store';
import { webhookConfigOf } from '../state/webhooks';
import type { RegistrationLookup, WebhookEngine } from './engine';
import { emitEvent, eventSinkOf } from './sink';

export { DEFAULT_WEBHOOK_OPTIONS, WebhookEngine, signDelivery } from './engine';
export type { DeliveryAttempt, DeliveryFilter, DeliveryTamper, WebhookDelivery, WebhookEngineOptions } from './engine';
export { WEBHOOK_EVENT_TYPES, emitEvent } from './sink';
export type { SandboxEvent, WebhookEventType } from './sink';

/** The agent's current registration (profile area's state), as the engine needs it. */
export function registrationLookup(store: Store): RegistrationLookup {
	return (agentId) => {
		const config = webhookConfigOf(store, agentId);
		return config ? { url: config.url, secret: config.secret } : undefined;
	};
}

/**
 * ORDER events go to the other party of whoever acted: the seller hears of a placement, the
 * buyer of start/deliver, the seller of accept/revision requests; when the payment provider
 * acts (actor null), both parties hear of it.
 */
function announceOrderChange(store: Store, change: OrderChange): void {
	const { order } = change;
	const recipients = [order.buyerId, order.sellerId].filter((id) => id !== change.actorId);
	const data = { order: presentOrder(store, order), previousStatus: change.from, action: change.action };
	for (const recipientId of recipients) emitEvent(store, recipientId, 'ORDER', data, change.at);
}

/** Connects a fresh Store's event sources to the delivery engine. */
export function connectWebhooks(store: Store, engine: WebhookEngine): void {
	const lookup = registrationLookup(store);
	eventSinkOf(store).subscribe((event) => engine.enqueue(event, lookup));
	marketplaceOf(store).orderListeners.push((change) => announceOrderChange(store, change));
}
