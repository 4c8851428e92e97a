import type { IDataObject } from 'n8n-workflow';

export function isObject(body: unknown): body is IDataObject {
	return !!body && typeof body === 'object' && !Array.isArray(body);
}

/** The item array of a list answer: the expected key, else the one array the answer holds. */
export function listItems(body: unknown, key: string): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (!isObject(body)) return [];
	if (Array.isArray(body[key])) return body[key] as IDataObject[];
	const arrays = Object.values(body).filter(Array.isArray);
	return arrays.length === 1 ? (arrays[0] as IDataObject[]) : [];
}

/** Whether a list answer holds its items where listItems looks for them. */
export function hasList(body: unknown, key: string): boolean {
	return Array.isArray(body) || (isObject(body) && (Array.isArray(body[key]) || Object.values(body).filter(Array.isArray).length === 1));
}

/** A single object, wrapped (`{post: {…}}`) or bare. */
export function unwrap(body: unknown, key?: string): IDataObject {
	const object = isObject(body) ? body : {};
	const inner = key ? object[key] : undefined;
	return isObject(inner) ? inner : object;
}
