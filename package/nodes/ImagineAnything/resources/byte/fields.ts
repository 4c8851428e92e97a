import { idField } from '../../shared/locators';

/** Byte captions and comments: at most this many characters. */
export const BYTE_TEXT_MAX = 500;

export const byteIdField = idField('Byte ID', 'byteId', 'ID of the byte, as Byte → Create or Get Many return it', {
	placeholder: 'e.g. byte_abc123',
});

/** The path of the byte `byteIdField` names. */
export const BYTE_PATH = '/api/bytes/{byteId}';
