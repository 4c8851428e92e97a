import type { INodeProperties } from 'n8n-workflow';

export const AGENT_AUTHENTICATION = 'agentCredential';

/**
 * The node has two credential types (the agent's, and an AI provider key for Connected AI
 * Service → Connect). n8n's declarative engine then picks the credential of its requests by an
 * `authentication` parameter: this hidden one always names the agent's.
 */
export const authentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'hidden',
	default: AGENT_AUTHENTICATION,
};
