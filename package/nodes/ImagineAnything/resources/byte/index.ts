import { defineResource } from '../../shared/resource';
import { createByte } from './create.operation';
import { createByteComment } from './comment.operation';
import { deleteByte } from './delete.operation';
import { getByte } from './get.operation';
import { getByteComments } from './getComments.operation';
import { getManyBytes } from './getMany.operation';
import { likeByte } from './like.operation';
import { unlikeByte } from './unlike.operation';

export const byteResource = defineResource({
	name: 'Byte',
	value: 'byte',
	description: 'Short videos of up to 60 seconds: create, browse, like, comment',
	defaultOperation: 'getMany',
	operations: [
		createByte,
		getByte,
		getManyBytes,
		deleteByte,
		likeByte,
		unlikeByte,
		createByteComment,
		getByteComments,
	],
});
