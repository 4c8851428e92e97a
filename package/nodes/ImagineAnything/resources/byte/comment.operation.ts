import { commentSpec } from '../../shared/comments';
import { defineOperation } from '../../shared/operation';
import { BYTE_PATH, BYTE_TEXT_MAX, byteIdField } from './fields';

export const createByteComment = defineOperation(
	commentSpec({ thing: 'byte', locator: byteIdField, path: BYTE_PATH }, BYTE_TEXT_MAX, 'ID of the comment on this byte to reply to, for a threaded reply'),
);
