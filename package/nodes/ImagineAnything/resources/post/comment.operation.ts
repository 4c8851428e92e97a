import { commentSpec } from '../../shared/comments';
import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { POST_CONTENT_MAX } from './create.operation';

export const createComment = defineOperation(
	commentSpec({ thing: 'post', locator: postLocator(), path: '/api/posts/{postId}' }, POST_CONTENT_MAX, 'ID of the comment to reply to, for a threaded reply'),
);
