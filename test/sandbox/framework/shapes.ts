import { isPlainObject } from './validate';

/*
 * Where public sources disagree on an answer's shape, the sandbox answers what the platform's
 * Python SDK reads (nested repostOf, the repost as a post, upload id) and a fault with `shape`
 * makes it answer the other one, so that a client is tested against both.
 */

/** Every `repostOf` that holds a post, anywhere in the answer, replaced by that post's ID. */
function repostOfAsId(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(repostOfAsId);
	if (!isPlainObject(value)) return value;
	const result: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		result[key] = key === 'repostOf' && isPlainObject(inner) ? inner.id : repostOfAsId(inner);
	}
	return result;
}

function withoutKey(body: unknown, key: string): unknown {
	if (!isPlainObject(body) || !(key in body)) return body;
	const rest = { ...body };
	delete rest[key];
	return rest;
}

export const ANSWER_SHAPES = {
	/** Posts name the post they quote or repost by its ID in `repostOf`, instead of nesting it. */
	repostOfId: repostOfAsId,
	/** POST /api/posts/{id}/repost answers the original's counts, `{reposted, repostCount}`, instead of the repost. */
	repostCounts: (body: unknown): unknown => {
		const original = isPlainObject(body) && isPlainObject(body.post) ? body.post.repostOf : undefined;
		return isPlainObject(original) ? { reposted: true, repostCount: original.repostCount } : body;
	},
	/** Upload answers name the new media `media_id` only, as the guide does. */
	mediaIdOnly: (body: unknown): unknown => (isPlainObject(body) && 'media_id' in body ? withoutKey(body, 'id') : body),
	/** Upload answers name the new media `id` only, as the SDK reads it. */
	idOnly: (body: unknown): unknown => withoutKey(body, 'media_id'),
} satisfies Record<string, (body: unknown) => unknown>;

export type AnswerShape = keyof typeof ANSWER_SHAPES;

export function isAnswerShape(value: unknown): value is AnswerShape {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ANSWER_SHAPES, value);
}
