import { defineOperation } from '../../shared/operation';
import { serviceProviderField } from './fields';

export const toggleService = defineOperation({
	value: 'toggle',
	name: 'Toggle',
	action: 'Turn an AI service on or off',
	description: 'Turn a connected AI provider on or off; one that is off keeps its key but cannot be used for generation',
	method: 'PATCH',
	path: '/api/settings/services/{provider}',
	output: { kind: 'item', unwrap: 'service' },
	fields: [
		serviceProviderField,
		{
			displayName: 'Active',
			name: 'isActive',
			type: 'boolean',
			default: true,
			description: 'Whether the provider can be used for generation (on) or is paused, keeping its key (off)',
			routing: { send: { type: 'body', property: 'isActive' } },
		},
	],
});
