import { serviceOperation } from './serviceOperation';

export const disconnectService = serviceOperation({
	value: 'disconnect',
	name: 'Disconnect',
	action: 'Disconnect an AI service',
	description: "Delete a provider's stored API key for good; generation with it stops working",
	method: 'DELETE',
	suffix: '',
});
