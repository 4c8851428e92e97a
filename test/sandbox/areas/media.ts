import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { ApiError, forbidden, notFound, validationError } from '../framework/errors';
import { multipartForm, type MultipartForm, type MultipartPart } from '../framework/multipart';
import { listReply } from '../framework/pagination';
import { created, ok, type Reply, type Router } from '../framework/router';
import { FieldError, oneOf, optional, queryParam, text, validateObject, type Rule } from '../framework/validate';
import { iso } from '../presenters';
import type { AgentRecord, MediaKind, MediaRecord } from '../state/records';
import { mediaState } from '../state/media';
import type { Area } from './shared';

/*
 * Uploads: POST /api/upload (images), POST /api/upload/video (videos, "processing" for
 * mediaState().videoProcessingMs), GET/DELETE /api/upload, and GET /media/{id}/{name} serving
 * the stored bytes. Upload answers are 201 {id, media_id, url, pathname, contentType, size, type, ...}:
 * the SDK reads the new media's ID as `id`, the guide calls it `media_id`.
 */

const MB = 1024 * 1024;

export interface UploadRule {
	kind: MediaKind;
	/** What the file is, in messages. */
	what: string;
	types: Record<string, string>;
	maxBytes: number;
	maxSeconds?: number;
}

const IMAGE_TYPES = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/webp': 'WebP' };
const VIDEO_TYPES = { 'video/mp4': 'MP4', 'video/webm': 'WebM', 'video/quicktime': 'QuickTime' };

export const IMAGE_RULE: UploadRule = { kind: 'IMAGE', what: 'Image', types: IMAGE_TYPES, maxBytes: 10 * MB };
export const AVATAR_RULE: UploadRule = { kind: 'IMAGE', what: 'Avatar', types: IMAGE_TYPES, maxBytes: 5 * MB };
const POST_VIDEO_RULE: UploadRule = { kind: 'VIDEO', what: 'Video', types: VIDEO_TYPES, maxBytes: 50 * MB, maxSeconds: 180 };
const BYTE_VIDEO_RULE: UploadRule = { kind: 'VIDEO', what: 'Byte video', types: VIDEO_TYPES, maxBytes: 100 * MB, maxSeconds: 60 };

const PURPOSES = ['post', 'byte', 'avatar'] as const;
const VIDEO_PURPOSES = ['post', 'byte'] as const;

/** Duration in seconds from the movie header of an MP4/QuickTime file; undefined when absent. */
export function movieSeconds(data: Buffer): number | undefined {
	const find = (type: string, from: number, to: number): { start: number; end: number } | undefined => {
		for (let at = from; at + 8 <= to; ) {
			const size32 = data.readUInt32BE(at);
			const header = size32 === 1 ? 16 : 8;
			const size = size32 === 1 ? Number(data.readBigUInt64BE(at + 8)) : size32 === 0 ? to - at : size32;
			if (size < header || at + size > to) return undefined;
			if (data.toString('latin1', at + 4, at + 8) === type) return { start: at + header, end: at + size };
			at += size;
		}
		return undefined;
	};
	const moov = find('moov', 0, data.length);
	const mvhd = moov && find('mvhd', moov.start, moov.end);
	if (!mvhd || mvhd.end - mvhd.start < 20) return undefined;
	const long = data[mvhd.start] === 1;
	const timescale = data.readUInt32BE(mvhd.start + (long ? 20 : 12));
	const duration = long ? Number(data.readBigUInt64BE(mvhd.start + 24)) : data.readUInt32BE(mvhd.start + 16);
	return timescale > 0 ? duration / timescale : undefined;
}


/** The `file` part after the checks of `rule`: 400 when missing, 415 for another type, 413 when too large. */
export function checkedFile(form: MultipartForm, rule: UploadRule): MultipartPart {
	const file = form.files.file;
	if (!file) {
		const reason = 'file is required (multipart field "file" with a filename)';
		throw validationError(reason, { file: reason });
	}
	const allowed = Object.values(rule.types).join(', ');
	if (!(file.contentType in rule.types)) {
		throw new ApiError(
			415,
			'unsupported_media_type',
			`${rule.what} must be ${allowed} (got ${file.contentType || 'no content type'})`,
		);
	}
	if (file.data.length > rule.maxBytes) {
		throw new ApiError(
			413,
			'file_too_large',
			`${rule.what} is ${file.data.length} bytes; the maximum is ${rule.maxBytes / MB} MB`,
		);
	}
	const seconds = rule.maxSeconds === undefined ? undefined : movieSeconds(file.data);
	if (seconds !== undefined && rule.maxSeconds !== undefined && seconds > rule.maxSeconds) {
		const reason = `${rule.what} is ${Math.round(seconds)} seconds; the maximum is ${rule.maxSeconds} seconds`;
		throw validationError(reason, { file: reason });
	}
	return file;
}

function originOf(ctx: RequestContext): string {
	return `http://${ctx.headers.host ?? `${ctx.options.host}:${ctx.options.port}`}`;
}

/** Stores a checked upload of the caller. */
export function storeUpload(
	ctx: RequestContext,
	me: AgentRecord,
	file: MultipartPart,
	rule: UploadRule,
	purpose: string,
	folder: string | null = null,
): MediaRecord {
	return mediaState(ctx.store).add(
		{
			agentId: me.id,
			type: rule.kind,
			purpose,
			fileName: file.filename || 'file',
			contentType: file.contentType,
			data: file.data,
			folder,
			baseUrl: originOf(ctx),
		},
		ctx.now,
	);
}

export function presentMedia(ctx: RequestContext, media: MediaRecord): Record<string, unknown> {
	const state = mediaState(ctx.store);
	const file = state.file(media.id);
	return {
		id: media.id,
		url: media.url,
		pathname: media.pathname,
		contentType: media.contentType,
		size: media.size,
		type: media.type,
		purpose: media.purpose,
		folder: file?.folder ?? null,
		fileName: file?.fileName ?? null,
		status: state.statusOf(media.id, ctx.now),
		createdAt: iso(media.createdAt),
	};
}

/** A form field checked like a JSON field (400 validation_error naming it). */
function formField<T>(form: MultipartForm, name: string, rule: Rule<T>): T {
	try {
		return rule(form.fields[name], name);
	} catch (error) {
		if (!(error instanceof FieldError)) throw error;
		throw validationError(error.message, { [name]: error.message });
	}
}

const folderRule = optional(
	text({ min: 1, max: 100, pattern: /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, patternMessage: 'folder may contain letters, digits, _, - and /' }),
);

function upload(video: boolean) {
	return (ctx: RequestContext): Reply => {
		const me = requireAuth(ctx);
		const form = multipartForm(ctx);
		const purpose = formField(form, 'purpose', optional(oneOf(video ? VIDEO_PURPOSES : PURPOSES))) ?? 'post';
		const folder = formField(form, 'folder', folderRule) ?? null;
		const rule = video ? (purpose === 'byte' ? BYTE_VIDEO_RULE : POST_VIDEO_RULE) : IMAGE_RULE;
		const file = checkedFile(form, rule);
		const media = storeUpload(ctx, me, file, rule, purpose, folder);
		return created({ ...presentMedia(ctx, media), media_id: media.id });
	};
}

function listMedia(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const type = queryParam(ctx, 'type', optional(oneOf(['IMAGE', 'VIDEO', 'AUDIO'] as const)));
	const purpose = queryParam(ctx, 'purpose', optional(oneOf(PURPOSES)));
	const media = mediaState(ctx.store)
		.ofAgent(me.id)
		.filter((m) => (type === undefined || m.type === type) && (purpose === undefined || m.purpose === purpose));
	return listReply(ctx, 'media', media, (m) => presentMedia(ctx, m));
}

function deleteMedia(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx) ?? {}, {
		id: optional(text({ min: 1, max: 200 })),
		url: optional(text({ min: 1, max: 2048 })),
	});
	if ((input.id === undefined) === (input.url === undefined)) {
		throw validationError('Send exactly one of id or url');
	}
	const state = mediaState(ctx.store);
	const media = input.id !== undefined ? ctx.store.media.get(input.id) : state.byUrl(input.url as string);
	if (!media) throw notFound('Media');
	if (media.agentId !== me.id) throw forbidden('You can only delete your own media');
	state.remove(media.id);
	return ok({ success: true, id: media.id });
}

function serveFile(ctx: RequestContext): Reply {
	const media = ctx.store.media.get(ctx.params.id);
	const file = media && mediaState(ctx.store).file(media.id);
	if (!media || !file || media.pathname !== `media/${media.id}/${ctx.params.name}`) throw notFound('File');
	return { status: 200, body: file.data, headers: { 'Content-Type': media.contentType } };
}

export const mediaArea: Area = {
	name: 'media',
	register(router: Router): void {
		router
			.post('/api/upload', upload(false))
			.post('/api/upload/video', upload(true))
			.get('/api/upload', listMedia)
			.delete('/api/upload', deleteMedia)
			.get('/media/:id/:name', serveFile);
	},
};
