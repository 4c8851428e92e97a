import { postLocator } from '../../shared/locators';
import { locatedOperation } from '../../shared/locatedOperation';

/** An operation on one post, chosen by ID or URL: the shape most post operations share. */
export const postOperation = locatedOperation(postLocator(), '/api/posts/{postId}');
