import type { Store } from '../state/store';
import type { ResolvedOptions } from '../types';
import type { AuthState } from './auth';
import { validationError } from './errors';
import { MultipartError, parseMultipart, type MultipartPart } from './multipart';

/**
 * The request body as the pipeline saw it. Handlers that need JSON call `jsonBody(ctx)`;
 * the raw bytes stay available in `ctx.rawBody`; multipart bodies arrive split into parts (multipart.ts).
 */
export type ParsedBody =
	| { kind: 'empty' }
	| { kind: 'json'; value: unknown }
	| { kind: 'invalid_json'; text: string }
	| { kind: 'form'; text: string }
	/** `parts` is null when the body could not be parsed (`problem` says why). */
	| { kind: 'multipart'; boundary: string | null; parts: MultipartPart[] | null; problem?: string }
	| { kind: 'text'; text: string };

export interface RequestContext {
	readonly method: string;
	readonly path: string;
	/** Last value wins for repeated parameters. */
	readonly query: Record<string, string>;
	params: Record<string, string>;
	/** Lower-cased names. */
	readonly headers: Record<string, string>;
	readonly rawBody: Buffer;
	/** Lower-cased media type without parameters, '' when absent. */
	readonly contentType: string;
	readonly body: ParsedBody;
	readonly auth: AuthState;
	readonly store: Store;
	readonly options: ResolvedOptions;
	/** Request time, ms since the epoch. */
	readonly now: number;
	readonly remoteAddress: string;
	/** Agent recorded in the request log; set from the token, or by handlers that identify a caller otherwise. */
	agentHandle?: string;
}

export function mediaType(contentTypeHeader: string | undefined): string {
	return (contentTypeHeader ?? '').split(';')[0].trim().toLowerCase();
}

export function parseBody(contentTypeHeader: string | undefined, raw: Buffer): ParsedBody {
	if (raw.length === 0) return { kind: 'empty' };
	const type = mediaType(contentTypeHeader);
	if (type === 'multipart/form-data') {
		const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentTypeHeader ?? '');
		const boundary = match ? (match[1] ?? match[2]).trim() : null;
		if (boundary === null) return { kind: 'multipart', boundary, parts: null, problem: 'the Content-Type has no boundary' };
		try {
			return { kind: 'multipart', boundary, parts: parseMultipart(raw, boundary) };
		} catch (error) {
			if (!(error instanceof MultipartError)) throw error;
			return { kind: 'multipart', boundary, parts: null, problem: error.message };
		}
	}
	const text = raw.toString('utf8');
	if (type === 'application/x-www-form-urlencoded') return { kind: 'form', text };
	const declaredJson = type === 'application/json' || type.endsWith('+json');
	// Like the real (Next.js) service, a body without a content type is still read as JSON.
	if (declaredJson || type === '' || type === 'text/plain') {
		try {
			return { kind: 'json', value: JSON.parse(text) };
		} catch {
			return declaredJson ? { kind: 'invalid_json', text } : { kind: 'text', text };
		}
	}
	return { kind: 'text', text };
}

/** What the request log shows for a body. */
export function loggableBody(body: ParsedBody, rawLength: number): unknown {
	switch (body.kind) {
		case 'empty':
			return undefined;
		case 'json':
			return body.value;
		case 'multipart':
			return {
				multipart: true,
				boundary: body.boundary,
				bytes: rawLength,
				...(body.parts === null
					? { problem: body.problem }
					: {
							fields: Object.fromEntries(
								body.parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')]),
							),
							files: body.parts
								.filter((p) => p.filename !== undefined)
								.map((p) => ({ field: p.name, filename: p.filename, contentType: p.contentType, size: p.data.length })),
						}),
			};
		default:
			return body.text;
	}
}

/** The JSON body (undefined when empty); 400 when it is malformed or not JSON. */
export function jsonBody(ctx: RequestContext): unknown {
	switch (ctx.body.kind) {
		case 'empty':
			return undefined;
		case 'json':
			return ctx.body.value;
		case 'invalid_json':
			throw validationError('Malformed JSON body');
		default:
			throw validationError('Request body must be JSON (Content-Type: application/json)');
	}
}
