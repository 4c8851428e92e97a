import { commentOperation } from '../../shared/comments';
import { byteOperation } from './byteOperation';

export const BYTE_TEXT_MAX = 500;

export const createByteComment = commentOperation(
	byteOperation,
	'byte',
	BYTE_TEXT_MAX,
	'ID of the comment on this byte to reply to, for a threaded reply',
);
