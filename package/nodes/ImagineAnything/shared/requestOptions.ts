import type { INodeProperties } from 'n8n-workflow';

/**
 * The node's Request Options setting. n8n adds its own options of declarative nodes to this
 * collection (Batching, Ignore SSL Issues, Proxy, Timeout): the transport honours Proxy, SSL and
 * Timeout (default here 60 s instead of n8n's 300 s) and adds the rate-limit wait and the service
 * to read public data from without a credential.
 */
export const requestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Base URL Without Credential',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://imagineanything.com',
			description:
				'Where operations that read public data send their requests when no credential is selected (such as a local sandbox). Empty: https://imagineanything.com. With a credential selected, its Base URL is used instead.',
		},
		{
			displayName: 'Max Wait for Rate Limit (Seconds)',
			name: 'maxRateLimitWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description:
				"ImagineAnything allows each agent 100 reads, 30 writes and 10 uploads a minute. The node paces every item to fit and, when the limit is reached, waits for it to reset, however many times a large batch needs. This is the longest single wait it accepts; 0 fails the waiting items at once.",
		},
	],
};
