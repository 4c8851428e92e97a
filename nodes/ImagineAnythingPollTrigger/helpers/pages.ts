import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { apiRequest } from '../../ImagineAnything/transport';
import { listItems } from '../../ImagineAnything/transport/answers';

export const PAGE_SIZE = 100;
const MAX_PAGES = 200;

export interface ListRequest {
	path: string;
	/** Array key of the answer (the one array present is taken when it is absent). */
	key: string;
	qs?: IDataObject;
	/** Items per page; default PAGE_SIZE. */
	limit?: number;
	/** Stop after the page where this holds for an item (newest-first lists: the first old one). */
	until?: (item: IDataObject) => boolean;
	/** At most this many pages; default all. */
	maxPages?: number;
}

/** Follows `nextCursor` through a list and returns its items in the order served. */
export async function readList(this: IPollFunctions, request: ListRequest): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < (request.maxPages ?? MAX_PAGES); page++) {
		const qs: IDataObject = { ...request.qs, limit: request.limit ?? PAGE_SIZE };
		if (cursor) qs.cursor = cursor;
		const { body } = await apiRequest.call(this, { method: 'GET', path: request.path, qs, expect: { list: request.key } });
		const pageItems = listItems(body, request.key);
		items.push(...pageItems);
		const { nextCursor, hasMore } = (body ?? {}) as IDataObject;
		cursor = typeof nextCursor === 'string' && nextCursor !== '' ? nextCursor : undefined;
		if (!cursor || hasMore === false || pageItems.length === 0) break;
		if (request.until && pageItems.some(request.until)) break;
	}
	return items;
}
