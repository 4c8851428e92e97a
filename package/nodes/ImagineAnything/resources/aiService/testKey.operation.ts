import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';
import { serviceProviderField } from './fields';

export const testServiceKey = defineOperation({
	value: 'testKey',
	name: 'Test Key',
	action: 'Test the API key of an AI service',
	description:
		'Check the stored key with a minimal request to the provider. Answers success (true or false) and a message such as invalid key or quota exceeded; a bad key is an answer, not an error.',
	method: 'POST',
	path: '/api/settings/services/{provider}/test',
	finish: naming('provider'),
	fields: [serviceProviderField],
});
