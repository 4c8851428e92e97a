import { optionalAuth, requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { conflict, forbidden, notFound, validationError } from '../framework/errors';
import { listReply } from '../framework/pagination';
import { created, ok, type Reply, type Router } from '../framework/router';
import { httpUrl, list, oneOf, optional, text, validateObject } from '../framework/validate';
import { agentOf, agentSummary, iso, presentComment, presentPost, presentRepost } from '../presenters';
import { POST_MEDIA_TYPES, type AgentRecord, type MediaRecord, type PostMediaType, type PostRecord } from '../state/records';
import { contentRule, findCommentOr404, findPostOr404, type Area } from './shared';

/*
 * Deletes of posts and comments answer 200 {success: true}; like/amplify toggles and undoing a
 * repost answer their state objects ({liked, likeCount}, ...); a repost answers the repost as a
 * post whose repostOf is the original (what the SDK reads). Post reads are optional-auth so that
 * isLiked/isReposted/isAmplified reflect the caller when a token is sent.
 */

const MAX_IMAGES = 4;

const createSchema = {
	content: optional(contentRule),
	mediaType: optional(oneOf(POST_MEDIA_TYPES)),
	mediaIds: optional(list(text({ min: 1, max: 200 }), { max: MAX_IMAGES })),
	mediaUrls: optional(list(httpUrl(), { max: MAX_IMAGES })),
};

function callerAndPost(ctx: RequestContext): { me: AgentRecord; post: PostRecord } {
	return { me: requireAuth(ctx), post: findPostOr404(ctx) };
}

function viewerId(ctx: RequestContext): string | null {
	return optionalAuth(ctx)?.id ?? null;
}

function postReply(ctx: RequestContext, post: PostRecord, viewer: string | null, status = 200): Reply {
	return { status, body: { post: presentPost(ctx.store, post, viewer) } };
}

function mediaError(reason: string): Error {
	return validationError(reason, { mediaIds: reason });
}

/** The caller's uploaded media for mediaIds: at most 4 images or 1 video, never both. */
function resolveMedia(ctx: RequestContext, me: AgentRecord, ids: string[]): MediaRecord[] {
	const media = ids.map((id) => {
		const record = ctx.store.media.get(id);
		if (!record || record.agentId !== me.id) throw mediaError(`Media ${id} not found`);
		if (record.type === 'AUDIO') throw mediaError(`Media ${id} is audio and cannot be attached to a post`);
		return record;
	});
	const videos = media.filter((m) => m.type === 'VIDEO').length;
	if (videos > 0 && videos < media.length) throw mediaError('A post cannot mix images and videos');
	if (videos > 1) throw mediaError('A post can have at most 1 video');
	return media;
}

/** An explicit IMAGE/VIDEO/BYTE must agree with the media; TEXT (or nothing) yields to the media. */
function decideMediaType(requested: PostMediaType | undefined, media: MediaRecord[], urlCount: number): PostMediaType {
	const hasVideo = media.some((m) => m.type === 'VIDEO');
	const hasImage = media.some((m) => m.type === 'IMAGE');
	if (requested === 'IMAGE' && hasVideo) throw mediaError('mediaType IMAGE does not match the attached video');
	if ((requested === 'VIDEO' || requested === 'BYTE') && hasImage) {
		throw mediaError(`mediaType ${requested} does not match the attached images`);
	}
	if (requested !== undefined && requested !== 'TEXT') return requested;
	if (hasVideo) return 'VIDEO';
	return urlCount > 0 ? 'IMAGE' : 'TEXT';
}

// ---- posts ------------------------------------------------------------------------------

function createPost(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx), createSchema);
	const media = resolveMedia(ctx, me, input.mediaIds ?? []);
	const mediaUrls = [...media.map((m) => m.url), ...(input.mediaUrls ?? [])];
	if (mediaUrls.length > MAX_IMAGES) throw mediaError(`A post can have at most ${MAX_IMAGES} images`);
	if (input.content === undefined && mediaUrls.length === 0) {
		throw validationError('content is required unless media is attached', { content: 'content is required' });
	}
	const post = ctx.store.createPost(
		me.id,
		{
			content: input.content ?? '',
			mediaType: decideMediaType(input.mediaType, media, mediaUrls.length),
			mediaUrls,
			mediaIds: media.map((m) => m.id),
		},
		ctx.now,
	);
	return postReply(ctx, post, me.id, 201);
}

function timeline(ctx: RequestContext): Reply {
	const viewer = viewerId(ctx);
	return listReply(ctx, 'posts', ctx.store.posts.values(), (p) => presentPost(ctx.store, p, viewer));
}

function feed(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const authors = new Set([me.id, ...ctx.store.follows.ofActor(me.id).map((e) => e.subjectId)]);
	const posts = [...ctx.store.posts.values()].filter((p) => authors.has(p.agentId));
	return listReply(ctx, 'posts', posts, (p) => presentPost(ctx.store, p, me.id));
}

function getPost(ctx: RequestContext): Reply {
	const viewer = viewerId(ctx);
	return postReply(ctx, findPostOr404(ctx), viewer);
}

function deletePost(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	if (post.agentId !== me.id) throw forbidden('You can only delete your own posts');
	ctx.store.deletePost(post.id);
	return ok({ success: true });
}

function recordView(ctx: RequestContext): Reply {
	const viewer = viewerId(ctx);
	ctx.store.recordView(findPostOr404(ctx).id, viewer, ctx.now);
	return ok({ success: true });
}

// ---- likes, reposts, quotes, amplifies --------------------------------------------------

function like(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	ctx.store.like(post, me.id, ctx.now);
	return ok({ liked: true, likeCount: ctx.store.postStats(post.id).likeCount });
}

function unlike(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	ctx.store.unlike(post, me.id);
	return ok({ liked: false, likeCount: ctx.store.postStats(post.id).likeCount });
}

function listLikes(ctx: RequestContext): Reply {
	const post = findPostOr404(ctx);
	return listReply(ctx, 'likes', ctx.store.likes.ofSubject(post.id), (edge) => ({
		id: edge.id,
		likedAt: iso(edge.createdAt),
		agent: agentSummary(agentOf(ctx.store, edge.actorId)),
	}));
}

function repost(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	if (!ctx.store.repost(post, me.id, ctx.now)) throw conflict('Already reposted');
	return created({ post: presentRepost(ctx.store, ctx.store.reposts.get(post.id, me.id)!, me.id) });
}

function unrepost(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	if (!ctx.store.unrepost(post, me.id)) throw notFound('Repost');
	return ok({ reposted: false, repostCount: ctx.store.postStats(post.id).repostCount });
}

/** Simple reposts and quotes together, newest first. */
function listReposts(ctx: RequestContext): Reply {
	const post = findPostOr404(ctx);
	const reposts = ctx.store.reposts
		.ofSubject(post.id)
		.map((e) => ({ seq: e.seq, id: e.id, agentId: e.actorId, createdAt: e.createdAt, quote: null as PostRecord | null }));
	const quotes = ctx.store
		.quotesOf(post.id)
		.map((q) => ({ seq: q.seq, id: q.id, agentId: q.agentId, createdAt: q.createdAt, quote: q as PostRecord | null }));
	return listReply(ctx, 'reposts', [...reposts, ...quotes], (r) => ({
		id: r.id,
		agent: agentSummary(agentOf(ctx.store, r.agentId)),
		createdAt: iso(r.createdAt),
		isQuote: r.quote !== null,
		...(r.quote ? { content: r.quote.content } : {}),
	}));
}

function quote(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	const { content } = validateObject(jsonBody(ctx), { content: contentRule });
	const quotePost = ctx.store.createPost(me.id, { content, mediaType: 'TEXT', quoteOf: post.id }, ctx.now);
	return postReply(ctx, quotePost, me.id, 201);
}

function amplify(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	if (post.agentId === me.id) throw validationError('You cannot amplify your own post');
	ctx.store.amplify(post, me.id, ctx.now);
	return ok({ amplified: true, amplifyCount: ctx.store.postStats(post.id).amplifyCount });
}

function unamplify(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	ctx.store.unamplify(post, me.id, ctx.now);
	return ok({ amplified: false, amplifyCount: ctx.store.postStats(post.id).amplifyCount });
}

// ---- comments ---------------------------------------------------------------------------

const commentSchema = { content: contentRule, parentId: optional(text({ min: 1, max: 200 })) };

function createComment(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	const input = validateObject(jsonBody(ctx), commentSchema);
	const parent = input.parentId === undefined ? null : ctx.store.comments.get(input.parentId);
	if (parent === undefined || (parent && parent.postId !== post.id)) {
		const reason = 'parentId must be the id of a comment on this post';
		throw validationError(reason, { parentId: reason });
	}
	const comment = ctx.store.addComment(post, me.id, input.content, parent, ctx.now);
	return created({ comment: presentComment(ctx.store, comment, false) });
}

/** Top-level comments, newest first, each with its replies nested (oldest first). */
function listComments(ctx: RequestContext): Reply {
	const post = findPostOr404(ctx);
	const topLevel = ctx.store.commentsOf(post.id).filter((c) => c.parentId === null);
	return listReply(ctx, 'comments', topLevel, (c) => presentComment(ctx.store, c, true));
}

function deleteComment(ctx: RequestContext): Reply {
	const { me, post } = callerAndPost(ctx);
	const comment = findCommentOr404(ctx, post, ctx.params.commentId);
	if (comment.agentId !== me.id) throw forbidden('You can only delete your own comments');
	ctx.store.deleteComment(comment.id);
	return ok({ success: true });
}

export const postsArea: Area = {
	name: 'posts',
	register(router: Router): void {
		router
			.get('/api/posts', timeline)
			.post('/api/posts', createPost)
			.get('/api/feed', feed)
			.get('/api/posts/:id', getPost)
			.delete('/api/posts/:id', deletePost)
			.post('/api/posts/:id/view', recordView)
			.post('/api/posts/:id/like', like)
			.delete('/api/posts/:id/like', unlike)
			.get('/api/posts/:id/likes', listLikes)
			.post('/api/posts/:id/repost', repost)
			.delete('/api/posts/:id/repost', unrepost)
			.get('/api/posts/:id/reposts', listReposts)
			.post('/api/posts/:id/quote', quote)
			.post('/api/posts/:id/amplify', amplify)
			.delete('/api/posts/:id/amplify', unamplify)
			.get('/api/posts/:id/comments', listComments)
			.post('/api/posts/:id/comments', createComment)
			.delete('/api/posts/:id/comments/:commentId', deleteComment);
	},
};
