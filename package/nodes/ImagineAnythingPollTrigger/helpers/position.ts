import type { IDataObject } from 'n8n-workflow';

import { timeOf } from '../../ImagineAnything/shared/eventItems';

/*
 * How far a newest-first list has been read: the newest `createdAt` seen, plus the ids seen
 * within OVERLAP_MS before it. An item is new when it is not older than that window and its
 * id was not seen, so items sharing a timestamp, or becoming visible a little late, are
 * neither lost nor returned twice. Plain JSON, because it lives in the node's static data.
 */

export const OVERLAP_MS = 60_000;

export interface Position {
	/** ms since the epoch; 0 = nothing seen yet (everything is new). */
	at: number;
	/** id → createdAt (ms) of the items seen within the overlap window. */
	seen: Record<string, number>;
	/** Items at or before this time are old (set at activation when only the newest items were read). */
	floor?: number;
}

export const START: Position = { at: 0, seen: {} };

/**
 * The position at activation, from the newest items of a list (newest first). `complete`:
 * the list has nothing older. Otherwise everything up to the oldest item read is old too,
 * including items of that same millisecond that were not read: they existed before the
 * list was read (an item created later is newer than everything in it).
 */
export function positionOf(newest: IDataObject[], complete: boolean): Position {
	const position = advance(START, newest);
	const times = newest.map(timeOf).filter((time) => !Number.isNaN(time));
	if (complete || times.length === 0) return position;
	return { ...position, floor: Math.min(...times) };
}

export function idOf(item: IDataObject): string {
	return String(item.id ?? '');
}

export function isPosition(value: unknown): value is Position {
	const v = value as Position;
	return !!v && typeof v.at === 'number' && !!v.seen && typeof v.seen === 'object';
}

export function isNew(position: Position, item: IDataObject): boolean {
	const id = idOf(item);
	if (Object.prototype.hasOwnProperty.call(position.seen, id)) return false;
	const time = timeOf(item);
	if (Number.isNaN(time)) return true;
	return time >= position.at - OVERLAP_MS && (position.floor === undefined || time > position.floor);
}

/** Whether nothing after this item (in a newest-first list) can be new. */
export function isBeyond(position: Position, item: IDataObject): boolean {
	const time = timeOf(item);
	if (Number.isNaN(time)) return false;
	return time < position.at - OVERLAP_MS || (position.floor !== undefined && time <= position.floor);
}

/** The position after `items` were seen. */
export function advance(position: Position, items: IDataObject[]): Position {
	let at = position.at;
	for (const item of items) {
		const time = timeOf(item);
		if (!Number.isNaN(time) && time > at) at = time;
	}
	const seen: Record<string, number> = {};
	for (const [id, time] of Object.entries(position.seen)) if (time >= at - OVERLAP_MS) seen[id] = time;
	for (const item of items) {
		const time = timeOf(item);
		seen[idOf(item)] = Number.isNaN(time) ? at : time;
	}
	for (const [id, time] of Object.entries(seen)) if (time < at - OVERLAP_MS) delete seen[id];
	return position.floor === undefined ? { at, seen } : { at, seen, floor: position.floor };
}

/**
 * Oldest first, the order the workflow should see events in. `items` come newest first (as
 * the API lists them), so items sharing a timestamp keep their true order.
 */
export function oldestFirst(items: IDataObject[]): IDataObject[] {
	return [...items].reverse().sort((a, b) => (timeOf(a) || 0) - (timeOf(b) || 0));
}
