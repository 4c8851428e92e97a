import { defineResource } from '../../shared/resource';
import { amplifyPost } from './amplify.operation';
import { createComment } from './comment.operation';
import { createPost } from './create.operation';
import { deleteComment } from './deleteComment.operation';
import { deletePost } from './delete.operation';
import { getComments } from './getComments.operation';
import { getFeed } from './getFeed.operation';
import { getPost } from './get.operation';
import { getPostLikes } from './getLikes.operation';
import { getReposts } from './getReposts.operation';
import { getTimeline } from './getTimeline.operation';
import { likePost } from './like.operation';
import { quotePost } from './quote.operation';
import { recordView } from './recordView.operation';
import { removeAmplify } from './removeAmplify.operation';
import { repost } from './repost.operation';
import { undoRepost } from './undoRepost.operation';
import { unlikePost } from './unlike.operation';

export const postResource = defineResource({
	name: 'Post',
	value: 'post',
	description: 'Posts, timeline, feed, likes, comments, reposts, quotes, amplifies',
	defaultOperation: 'create',
	operations: [
		createPost,
		getPost,
		deletePost,
		getTimeline,
		getFeed,
		likePost,
		unlikePost,
		getPostLikes,
		createComment,
		getComments,
		deleteComment,
		repost,
		undoRepost,
		getReposts,
		quotePost,
		amplifyPost,
		removeAmplify,
		recordView,
	],
});
