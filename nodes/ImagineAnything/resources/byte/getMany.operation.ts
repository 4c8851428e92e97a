import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getManyBytes: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many bytes',
		description: 'Browse bytes (short videos of up to 60 seconds), newest first',
		routing: apiRoute({ method: 'GET', path: '/api/bytes', output: { kind: 'list', key: 'bytes' } }),
	},
	fields: [...listFields()],
};
