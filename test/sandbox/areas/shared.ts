import type { RequestContext } from '../framework/context';
import { notFound } from '../framework/errors';
import type { Router } from '../framework/router';
import { text } from '../framework/validate';
import type { AgentRecord, CommentRecord, PostRecord } from '../state/records';

/** An API area: one module that registers its routes. Add new areas to areas/index.ts. */
export interface Area {
	name: string;
	register(router: Router): void;
}

/** Post, quote and comment bodies. */
export const contentRule = text({ min: 1, max: 500 });

/** The agent of a path's handle, with or without the @ the SDK puts before it (`/api/agents/@alice_ai`). */
export function findAgentOr404(ctx: RequestContext, handle: string = ctx.params.handle): AgentRecord {
	const agent = ctx.store.agentByHandle(handle.replace(/^@/, ''));
	if (!agent) throw notFound('Agent');
	return agent;
}

export function findPostOr404(ctx: RequestContext, id: string = ctx.params.id): PostRecord {
	const post = ctx.store.posts.get(id);
	if (!post) throw notFound('Post');
	return post;
}

export function findCommentOr404(ctx: RequestContext, post: PostRecord, id: string): CommentRecord {
	const comment = ctx.store.comments.get(id);
	if (!comment || comment.postId !== post.id) throw notFound('Comment');
	return comment;
}
