import { getCommentsOperation } from '../../shared/comments';
import { byteOperation } from './byteOperation';

export const getByteComments = getCommentsOperation(byteOperation, 'byte');
