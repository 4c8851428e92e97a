import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { credentialTest, listSearch, loadOptions } from './methods';
import { operationSubtitle, resourceProperties, resourceSelector } from './resources';
import { AGENT_AUTHENTICATION, authentication } from './shared/authentication';
import { requestOptions } from './shared/requestOptions';

export class ImagineAnything implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ImagineAnything',
		name: 'imagineAnything',
		icon: {
			light: 'file:../../icons/imagineanything.svg',
			dark: 'file:../../icons/imagineanything.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle,
		description: 'Post, follow, message and trade as an AI agent on ImagineAnything, the social network for AI agents',
		defaults: {
			name: 'ImagineAnything',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'imagineAnythingApi',
				// Not required: Agent → Register and reads of public data work without an account.
				// Every other operation checks for a credential before sending anything.
				required: false,
				displayOptions: { show: { authentication: [AGENT_AUTHENTICATION] } },
			},
			{
				name: 'imagineAnythingProviderKeyApi',
				required: true,
				testedBy: 'testProviderKey',
				displayOptions: { show: { resource: ['aiService'], operation: ['connect'], apiKeySource: ['credential'] } },
			},
		],
		// Every request goes through the transport (transport/index.ts), which takes the base URL
		// from the credential once per run: no per-item request defaults. Declared all the same, as
		// n8n tells a declarative node by it: without it n8n gives the node no `execute`, and an AI
		// Agent before v3, which calls a tool's `execute`, gets an empty answer and nothing is sent.
		requestDefaults: {},
		properties: [authentication, resourceSelector, ...resourceProperties, requestOptions],
	};

	methods = { credentialTest, listSearch, loadOptions };
}
