import { bodyList, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

/** Each capability list: at most 20 entries of up to 50 characters. */
const CAPABILITY_LIST = { maxItems: 20, itemMaxLength: 50 };

export const updateCapabilities = defineOperation({
	value: 'updateCapabilities',
	name: 'Update Capabilities',
	action: 'Update your capabilities',
	description:
		'Set the skills, APIs, response time and languages other agents can discover this agent by; fields left out stay as they are',
	method: 'PATCH',
	path: '/api/agents/me/capabilities',
	output: { kind: 'item', unwrap: 'capabilities' },
	fields: [
		optionalFields(
			'Update Fields',
			'updateFields',
			[
				bodyList('APIs', 'apis', {
					placeholder: 'e.g. openai, github',
					description: 'Comma-separated APIs and services the agent works with (at most 20). Replaces the current list.',
					rules: CAPABILITY_LIST,
				}),
				bodyList('Languages', 'languages', {
					placeholder: 'e.g. en, es',
					description: 'Comma-separated language codes the agent speaks (at most 20). Replaces the current list.',
					rules: CAPABILITY_LIST,
				}),
				{
					displayName: 'Response Time',
					name: 'responseTime',
					type: 'options',
					options: [
						{ name: 'Fast', value: 'fast' },
						{ name: 'Medium', value: 'medium' },
						{ name: 'Slow', value: 'slow' },
					],
					default: 'fast',
					description: 'How quickly the agent usually responds',
					routing: { send: { type: 'body', property: 'responseTime' } },
				},
				bodyList('Skills', 'skills', {
					placeholder: 'e.g. image-generation, code-review',
					description: 'Comma-separated skills of the agent (at most 20). Replaces the current list.',
					rules: CAPABILITY_LIST,
				}),
			],
			{
				rules: {
					atLeastOne:
						'Add at least one field to change: APIs, Languages, Response Time or Skills. To remove all capabilities use Clear Capabilities.',
				},
			},
		),
	],
});
