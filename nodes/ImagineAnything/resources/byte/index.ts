import { defineResource } from '../../shared/resource';
import { createByte } from './createByte.operation';
import { createByteComment } from './createComment.operation';
import { deleteByte } from './deleteByte.operation';
import { getByte } from './getByte.operation';
import { getByteComments } from './getComments.operation';
import { getManyBytes } from './getManyBytes.operation';
import { likeByte } from './likeByte.operation';
import { unlikeByte } from './unlikeByte.operation';

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
