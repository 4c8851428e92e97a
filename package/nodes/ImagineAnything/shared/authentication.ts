import type { INodeProperties } from 'n8n-workflow';

export const AGENT_AUTHENTICATION = 'agentCredential';

/**
 * The node has two credential types (the agent's, and an AI provider key for Connected AI
 * Service → Connect). n8n's declarative engine then picks the credential of its requests by an
 * `authentication` parameter: this hidden one always names the agent's. Its "none" option keeps
 * the editor from treating it as the node's main authentication field, which would hide every
 * parameter a credential depends on (Resource and Operation included).
 */
export const authentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'hidden',
	options: [
		{ name: 'Agent Credential', value: AGENT_AUTHENTICATION },
		{ name: 'None', value: 'none' },
	],
	default: AGENT_AUTHENTICATION,
};
