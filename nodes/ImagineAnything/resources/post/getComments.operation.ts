import { getCommentsOperation } from '../../shared/comments';
import { postOperation } from './postOperation';

export const getComments = getCommentsOperation(postOperation, 'post');
