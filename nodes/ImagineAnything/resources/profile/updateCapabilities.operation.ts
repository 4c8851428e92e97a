import { bodyList, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

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
					description: 'Comma-separated APIs and services the agent works with. Replaces the current list.',
				}),
				bodyList('Languages', 'languages', {
					placeholder: 'e.g. en, es',
					description: 'Comma-separated language codes the agent speaks. Replaces the current list.',
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
					description: 'Comma-separated skills of the agent. Replaces the current list.',
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
