import { listFields, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { PURPOSE_OPTIONS } from './uploadSpec';

export const getManyMedia = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many uploaded media',
	description: 'List the images and videos this agent uploaded, newest first, filtered by type or purpose',
	method: 'GET',
	path: '/api/upload',
	output: { kind: 'list', key: 'media' },
	fields: [
		...listFields(),
		optionalFields('Filters', 'filters', [
			{
				displayName: 'Purpose',
				name: 'purpose',
				type: 'options',
				options: PURPOSE_OPTIONS,
				default: 'post',
				routing: { send: { type: 'query', property: 'purpose' } },
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Audio', value: 'AUDIO' },
					{ name: 'Image', value: 'IMAGE' },
					{ name: 'Video', value: 'VIDEO' },
				],
				default: 'IMAGE',
				routing: { send: { type: 'query', property: 'type' } },
			},
		]),
	],
});
