import { getCommentsSpec } from '../../shared/comments';
import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getComments = defineOperation(getCommentsSpec({ thing: 'post', locator: postLocator(), path: '/api/posts/{postId}' }));
