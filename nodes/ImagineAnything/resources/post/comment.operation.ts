import { commentOperation } from '../../shared/comments';
import { POST_CONTENT_MAX } from './create.operation';
import { postOperation } from './postOperation';

export const createComment = commentOperation(
	postOperation,
	'post',
	POST_CONTENT_MAX,
	'ID of the comment to reply to, for a threaded reply',
);
