import type { RequestContext } from './context';
import { validationError } from './errors';

/** One part of a multipart/form-data body. `data` is the part's exact bytes. */
export interface MultipartPart {
	/** Lower-cased header names. */
	headers: Record<string, string>;
	name: string;
	/** Present for file parts (even when empty). */
	filename?: string;
	/** Lower-cased media type without parameters, '' when the part has none. */
	contentType: string;
	data: Buffer;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** Parameters of a header value such as `form-data; name="file"; filename="a b.png"`. */
function headerParams(value: string): Record<string, string> {
	const params: Record<string, string> = {};
	const pattern = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
	for (const match of value.matchAll(pattern)) {
		const key = match[1].toLowerCase();
		params[key] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim();
	}
	// RFC 5987 (filename*=UTF-8''...) wins over the plain form.
	const extended = params['filename*'];
	if (extended) {
		const encoded = /^[^']*'[^']*'(.*)$/.exec(extended)?.[1];
		if (encoded !== undefined) {
			try {
				params.filename = decodeURIComponent(encoded);
			} catch {
				// keep the plain filename
			}
		}
	}
	return params;
}

function parseHeaders(block: Buffer): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of block.toString('utf8').split('\r\n')) {
		if (line === '') continue;
		const colon = line.indexOf(':');
		if (colon <= 0) throw new MultipartError(`Malformed part header "${line}"`);
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

/**
 * Parses a multipart/form-data body (RFC 7578). Binary-safe: parts are located by searching
 * the raw bytes for the delimiter, never by decoding the body as text.
 */
export function parseMultipart(raw: Buffer, boundary: string): MultipartPart[] {
	if (boundary === '' || boundary.length > 70) throw new MultipartError('Invalid multipart boundary');
	const dash = Buffer.from(`--${boundary}`);
	const delimiter = Buffer.concat([CRLF, dash]);
	// The first delimiter may open the body or follow a preamble.
	let position: number;
	if (raw.subarray(0, dash.length).equals(dash)) {
		position = dash.length;
	} else {
		const first = raw.indexOf(delimiter);
		if (first < 0) throw new MultipartError('The multipart body does not contain its boundary');
		position = first + delimiter.length;
	}
	const parts: MultipartPart[] = [];
	for (;;) {
		if (raw.subarray(position, position + 2).toString('latin1') === '--') return parts;
		// Transport padding (spaces, tabs) may precede the CRLF after a delimiter.
		while (raw[position] === 0x20 || raw[position] === 0x09) position++;
		if (!raw.subarray(position, position + 2).equals(CRLF)) throw new MultipartError('Malformed multipart delimiter');
		position += 2;
		const headerEnd = raw.indexOf(HEADER_END, position);
		if (headerEnd < 0) throw new MultipartError('A multipart part has no header end');
		const bodyStart = headerEnd + HEADER_END.length;
		const next = raw.indexOf(delimiter, bodyStart);
		if (next < 0) throw new MultipartError('The multipart body ends without its closing boundary');
		const headers = parseHeaders(raw.subarray(position, headerEnd));
		const disposition = headers['content-disposition'] ?? '';
		if (!/^form-data\b/i.test(disposition)) throw new MultipartError('A multipart part lacks Content-Disposition: form-data');
		const params = headerParams(disposition);
		if (params.name === undefined) throw new MultipartError('A multipart part has no name');
		parts.push({
			headers,
			name: params.name,
			...(params.filename !== undefined ? { filename: params.filename } : {}),
			contentType: (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
			data: raw.subarray(bodyStart, next),
		});
		position = next + delimiter.length;
	}
}

export interface MultipartForm {
	/** Text fields by name (the last one wins). */
	fields: Record<string, string>;
	/** File parts by field name (the first one wins). */
	files: Record<string, MultipartPart>;
}

export function formOf(parts: MultipartPart[]): MultipartForm {
	const form: MultipartForm = { fields: {}, files: {} };
	for (const part of parts) {
		if (part.filename !== undefined) form.files[part.name] ??= part;
		else form.fields[part.name] = part.data.toString('utf8');
	}
	return form;
}

/** The multipart form of the request; 400 when the body is not (valid) multipart/form-data. */
export function multipartForm(ctx: RequestContext): MultipartForm {
	const body = ctx.body;
	if (body.kind !== 'multipart') {
		throw validationError('Request body must be multipart/form-data with the file in field "file"');
	}
	if (body.parts === null) throw validationError(`Malformed multipart body: ${body.problem ?? 'unreadable'}`);
	return formOf(body.parts);
}
