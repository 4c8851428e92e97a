import { getCommentsSpec } from '../../shared/comments';
import { defineOperation } from '../../shared/operation';
import { BYTE_PATH, byteIdField } from './fields';

export const getByteComments = defineOperation(getCommentsSpec({ thing: 'byte', locator: byteIdField, path: BYTE_PATH }));
