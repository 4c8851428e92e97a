import { locatedOperation } from '../../shared/locatedOperation';
import { idField } from '../../shared/locators';

export const byteIdField = idField('Byte ID', 'byteId', 'ID of the byte, as Byte → Create or Get Many return it', {
	placeholder: 'e.g. byte_abc123',
});

/** An operation on one byte, chosen by ID: the shape most byte operations share. */
export const byteOperation = locatedOperation(byteIdField, '/api/bytes/{byteId}');
