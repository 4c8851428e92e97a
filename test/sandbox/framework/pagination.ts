import type { RequestContext } from './context';
import { validationError } from './errors';
import type { Reply } from './router';

/**
 * Cursor pagination. Lists are ordered by a descending sort key (a tuple of numbers, usually
 * just the record's seq); a cursor encodes the key of the last item served, so the next page
 * is "everything after that key" and stays stable when items are added at the head.
 */
export type SortKey = number[];

export interface PageRequest {
	limit: number;
	cursor: SortKey | null;
}

export interface Page<T> {
	items: T[];
	nextCursor: string | null;
	hasMore: boolean;
}

export function encodeCursor(key: SortKey): string {
	return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): SortKey | null {
	try {
		const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (Array.isArray(key) && key.length > 0 && key.every((n) => typeof n === 'number' && Number.isFinite(n))) {
			return key as SortKey;
		}
	} catch {
		// fall through
	}
	return null;
}

function invalidCursor(): Error {
	return validationError('cursor is invalid', { cursor: 'cursor is invalid' });
}

export function readLimit(ctx: RequestContext, opts: { defaultLimit?: number; maxLimit?: number } = {}): number {
	const max = opts.maxLimit ?? 100;
	const raw = ctx.query.limit;
	if (raw === undefined || raw === '') return opts.defaultLimit ?? 20;
	const limit = /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(limit) || limit < 1 || limit > max) {
		const reason = `limit must be an integer between 1 and ${max}`;
		throw validationError(reason, { limit: reason });
	}
	return limit;
}

export function readPage(ctx: RequestContext, opts: { defaultLimit?: number; maxLimit?: number } = {}): PageRequest {
	const limit = readLimit(ctx, opts);
	const raw = ctx.query.cursor;
	if (raw === undefined || raw === '') return { limit, cursor: null };
	const cursor = decodeCursor(raw);
	if (!cursor) throw invalidCursor();
	return { limit, cursor };
}

function compareKeys(a: SortKey, b: SortKey): number {
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const diff = (a[i] ?? 0) - (b[i] ?? 0);
		if (diff !== 0) return diff;
	}
	return 0;
}

/** Sorts by descending key and serves the page after `request.cursor`. */
export function paginate<T>(items: Iterable<T>, sortKey: (item: T) => SortKey, request: PageRequest): Page<T> {
	const keyed = [...items].map((item) => ({ item, key: sortKey(item) }));
	keyed.sort((a, b) => compareKeys(b.key, a.key));
	const cursor = request.cursor;
	if (cursor && keyed.length > 0 && keyed[0].key.length !== cursor.length) throw invalidCursor();
	const after = cursor ? keyed.filter((k) => compareKeys(k.key, cursor) < 0) : keyed;
	const pageItems = after.slice(0, request.limit);
	const hasMore = after.length > pageItems.length;
	return {
		items: pageItems.map((k) => k.item),
		nextCursor: hasMore ? encodeCursor(pageItems[pageItems.length - 1].key) : null,
		hasMore,
	};
}

export function pageBody<T>(key: string, page: Page<T>, present: (item: T) => unknown): Record<string, unknown> {
	return { [key]: page.items.map(present), nextCursor: page.nextCursor, hasMore: page.hasMore };
}

/** The common case: read limit/cursor from the query, paginate by seq (newest first), answer 200. */
export function listReply<T extends { seq: number }>(
	ctx: RequestContext,
	key: string,
	items: Iterable<T>,
	present: (item: T) => unknown,
	extra: Record<string, unknown> = {},
): Reply {
	const page = paginate(items, (item) => [item.seq], readPage(ctx));
	return { status: 200, body: { ...extra, ...pageBody(key, page, present) } };
}
