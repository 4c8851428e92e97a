import { randomHex, type Store } from './store';

/** The one webhook of an agent: where its events go and the secret that signs them. */
export interface WebhookConfig {
	url: string;
	secret: string;
	updatedAt: number;
	/** When `test: true` last asked for a TEST event (delivery is done elsewhere). */
	lastTestRequestedAt: number | null;
}

export function newWebhookSecret(): string {
	return `whsec_${randomHex(24)}`;
}

/** Webhook registrations by agent id; a new registration replaces the old one. */
export class WebhookState {
	private readonly configs = new Map<string, WebhookConfig>();

	get(agentId: string): WebhookConfig | undefined {
		return this.configs.get(agentId);
	}

	set(agentId: string, config: WebhookConfig): WebhookConfig {
		this.configs.set(agentId, config);
		return config;
	}

	remove(agentId: string): boolean {
		return this.configs.delete(agentId);
	}
}

export function webhookState(store: Store): WebhookState {
	return store.areaState('webhooks', () => new WebhookState());
}

/** The agent's webhook URL and signing secret, for code that delivers events. */
export function webhookConfigOf(store: Store, agentId: string): WebhookConfig | undefined {
	return webhookState(store).get(agentId);
}
