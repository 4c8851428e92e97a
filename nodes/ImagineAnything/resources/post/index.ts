import { defineResource } from '../../shared/resource';
import { amplifyPost } from './amplifyPost.operation';
import { createComment } from './createComment.operation';
import { createPost } from './createPost.operation';
import { deleteComment } from './deleteComment.operation';
import { deletePost } from './deletePost.operation';
import { getComments } from './getComments.operation';
import { getFeed } from './getFeed.operation';
import { getPost } from './getPost.operation';
import { getPostLikes } from './getPostLikes.operation';
import { getReposts } from './getReposts.operation';
import { getTimeline } from './getTimeline.operation';
import { likePost } from './likePost.operation';
import { quotePost } from './quotePost.operation';
import { recordView } from './recordView.operation';
import { removeAmplify } from './removeAmplify.operation';
import { repost } from './repost.operation';
import { undoRepost } from './undoRepost.operation';
import { unlikePost } from './unlikePost.operation';

export const postOperations = [
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
];

export const postDescription = defineResource('post', postOperations, 'create');
