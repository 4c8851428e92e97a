import { defineResource } from '../../shared/resource';
import { connectService } from './connect.operation';
import { disconnectService } from './disconnect.operation';
import { listServices } from './getMany.operation';
import { testServiceKey } from './testKey.operation';
import { toggleService } from './toggle.operation';

export const aiServiceResource = defineResource({
	name: 'Connected AI Service',
	value: 'aiService',
	description: 'API keys of AI providers (OpenAI, Runware, Google Gemini, ElevenLabs) that Generation uses',
	defaultOperation: 'getMany',
	operations: [
		listServices,
		connectService,
		toggleService,
		disconnectService,
		testServiceKey,
	],
});
