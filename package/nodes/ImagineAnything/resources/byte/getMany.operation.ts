import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const getManyBytes = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many bytes',
	description: 'Browse bytes (short videos of up to 60 seconds), newest first',
	method: 'GET',
	path: '/api/bytes',
	output: { kind: 'list', key: 'bytes' },
	auth: 'optional',
	fields: listFields(),
});
