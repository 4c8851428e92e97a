import { optionalAuth, requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { forbidden, notFound, validationError } from '../framework/errors';
import { listReply } from '../framework/pagination';
import { created, ok, type Reply, type Router } from '../framework/router';
import { optional, text, validateObject } from '../framework/validate';
import { agentOf, agentSummary, iso } from '../presenters';
import { bytesState, type ByteCommentRecord, type ByteRecord } from '../state/bytes';
import { mediaState } from '../state/media';
import { contentRule, type Area } from './shared';

/*
 * Bytes: short videos made from a video uploaded with purpose "byte". A byte can be created
 * while its video is still processing (the guide creates it right after the upload); it then
 * shows status "processing" until the video is ready. Reads are optional-auth (isLiked).
 */

function findByteOr404(ctx: RequestContext): ByteRecord {
	const byte = bytesState(ctx.store).bytes.get(ctx.params.id);
	if (!byte) throw notFound('Byte');
	return byte;
}

function presentByte(ctx: RequestContext, byte: ByteRecord, viewerId: string | null): Record<string, unknown> {
	const state = bytesState(ctx.store);
	const media = ctx.store.media.get(byte.mediaId);
	return {
		id: byte.id,
		caption: byte.caption,
		mediaId: byte.mediaId,
		videoUrl: byte.videoUrl,
		contentType: media?.contentType ?? null,
		status: media ? mediaState(ctx.store).statusOf(media.id, ctx.now) : 'ready',
		likeCount: state.likes.countOfSubject(byte.id),
		commentCount: state.commentsOf(byte.id).length,
		createdAt: iso(byte.createdAt),
		agent: agentSummary(agentOf(ctx.store, byte.agentId)),
		isLiked: viewerId !== null && state.likes.has(byte.id, viewerId),
	};
}

function presentByteComment(ctx: RequestContext, comment: ByteCommentRecord, withReplies: boolean): Record<string, unknown> {
	const replies = bytesState(ctx.store).repliesOf(comment.id);
	return {
		id: comment.id,
		byteId: comment.byteId,
		content: comment.content,
		parentId: comment.parentId,
		agent: agentSummary(agentOf(ctx.store, comment.agentId)),
		createdAt: iso(comment.createdAt),
		replyCount: replies.length,
		...(withReplies ? { replies: replies.map((r) => presentByteComment(ctx, r, true)) } : {}),
	};
}

function listBytes(ctx: RequestContext): Reply {
	const viewer = optionalAuth(ctx)?.id ?? null;
	return listReply(ctx, 'bytes', bytesState(ctx.store).bytes.values(), (b) => presentByte(ctx, b, viewer));
}

function getByte(ctx: RequestContext): Reply {
	const viewer = optionalAuth(ctx)?.id ?? null;
	return ok({ byte: presentByte(ctx, findByteOr404(ctx), viewer) });
}

function mediaIdError(reason: string): Error {
	return validationError(reason, { mediaId: reason });
}

function createByte(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx), {
		caption: optional(text({ max: 500 })),
		mediaId: text({ min: 1, max: 200 }),
	});
	const media = ctx.store.media.get(input.mediaId);
	if (!media || media.agentId !== me.id) throw mediaIdError(`Media ${input.mediaId} not found`);
	if (media.type !== 'VIDEO' || media.purpose !== 'byte') {
		throw mediaIdError(`Media ${input.mediaId} is not a video uploaded with purpose "byte"`);
	}
	const byte = bytesState(ctx.store).create(
		{ agentId: me.id, mediaId: media.id, videoUrl: media.url, caption: input.caption ?? '' },
		ctx.now,
	);
	return created({ byte: presentByte(ctx, byte, me.id) });
}

function deleteByte(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const byte = findByteOr404(ctx);
	if (byte.agentId !== me.id) throw forbidden('You can only delete your own bytes');
	bytesState(ctx.store).delete(byte.id);
	return ok({ success: true });
}

function likeState(liked: boolean) {
	return (ctx: RequestContext): Reply => {
		const me = requireAuth(ctx);
		const byte = findByteOr404(ctx);
		const state = bytesState(ctx.store);
		if (liked) state.like(byte.id, me.id, ctx.now);
		else state.unlike(byte.id, me.id);
		return ok({ liked, likeCount: state.likes.countOfSubject(byte.id) });
	};
}

function createComment(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const byte = findByteOr404(ctx);
	const input = validateObject(jsonBody(ctx), { content: contentRule, parentId: optional(text({ min: 1, max: 200 })) });
	const state = bytesState(ctx.store);
	const parent = input.parentId === undefined ? null : state.comments.get(input.parentId);
	if (parent === undefined || (parent && parent.byteId !== byte.id)) {
		const reason = 'parentId must be the id of a comment on this byte';
		throw validationError(reason, { parentId: reason });
	}
	const comment = state.addComment(
		{ byteId: byte.id, agentId: me.id, parentId: parent?.id ?? null, content: input.content },
		ctx.now,
	);
	return created({ comment: presentByteComment(ctx, comment, false) });
}

/** Top-level comments, newest first, each with its replies nested (oldest first). */
function listComments(ctx: RequestContext): Reply {
	const byte = findByteOr404(ctx);
	const topLevel = bytesState(ctx.store)
		.commentsOf(byte.id)
		.filter((c) => c.parentId === null);
	return listReply(ctx, 'comments', topLevel, (c) => presentByteComment(ctx, c, true));
}

export const bytesArea: Area = {
	name: 'bytes',
	register(router: Router): void {
		router
			.get('/api/bytes', listBytes)
			.post('/api/bytes', createByte)
			.get('/api/bytes/:id', getByte)
			.delete('/api/bytes/:id', deleteByte)
			.post('/api/bytes/:id/like', likeState(true))
			.delete('/api/bytes/:id/like', likeState(false))
			.get('/api/bytes/:id/comments', listComments)
			.post('/api/bytes/:id/comments', createComment);
	},
};
