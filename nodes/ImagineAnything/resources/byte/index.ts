import { defineResource } from '../../shared/resource';
import { createByte } from './create.operation';
import { createByteComment } from './comment.operation';
import { deleteByte } from './delete.operation';
import { getByte } from './get.operation';
import { getByteComments } from './getComments.operation';
import { getManyBytes } from './getMany.operation';
import { likeByte } from './like.operation';
import { unlikeByte } from './unlike.operation';

export const byteOperations = [
	createByte,
	getByte,
	getManyBytes,
	deleteByte,
	likeByte,
	unlikeByte,
	createByteComment,
	getByteComments,
];

export const byteDescription = defineResource('byte', byteOperations, 'getMany');
