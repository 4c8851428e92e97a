import { defineOperation } from '../../shared/operation';
import { deletion } from '../../shared/outputs';
import { serviceProviderField } from './fields';

export const disconnectService = defineOperation({
	value: 'disconnect',
	name: 'Disconnect',
	action: 'Disconnect an AI service',
	description: "Delete a provider's stored API key for good; generation with it stops working",
	method: 'DELETE',
	path: '/api/settings/services/{provider}',
	finish: deletion('provider'),
	fields: [serviceProviderField],
});
