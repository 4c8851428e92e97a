import { randomBytes } from 'crypto';
import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import { invalidParameter } from './validation';

/** Parameter that names the input item's binary field holding the file. */
export const BINARY_PROPERTY = 'binaryPropertyName';
const BINARY_LABEL = 'Input Binary Field';

const MB = 1024 * 1024;

export interface FileType {
	mimeType: string;
	label: string;
	extensions: string[];
	/** Whether a file's first bytes are those of this format. */
	signature: (head: Buffer) => boolean;
}

const startsWith = (head: Buffer, bytes: number[] | string, at = 0) => {
	const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
	return head.length >= at + expected.length && head.subarray(at, at + expected.length).equals(expected);
};

/** The ISO media file (MP4, QuickTime) box a file starts with: its type at bytes 4–8. */
const firstBox = (head: Buffer) => (head.length >= 8 ? head.toString('latin1', 4, 8) : '');

export const IMAGE_TYPES: readonly FileType[] = [
	{ mimeType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg', 'jpe'], signature: (head) => startsWith(head, [0xff, 0xd8, 0xff]) },
	{
		mimeType: 'image/png',
		label: 'PNG',
		extensions: ['png'],
		signature: (head) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	},
	{ mimeType: 'image/gif', label: 'GIF', extensions: ['gif'], signature: (head) => startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a') },
	{ mimeType: 'image/webp', label: 'WebP', extensions: ['webp'], signature: (head) => startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8) },
];

export const VIDEO_TYPES: readonly FileType[] = [
	{ mimeType: 'video/mp4', label: 'MP4', extensions: ['mp4', 'm4v'], signature: (head) => firstBox(head) === 'ftyp' },
	{ mimeType: 'video/webm', label: 'WebM', extensions: ['webm'], signature: (head) => startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]) },
	{
		mimeType: 'video/quicktime',
		label: 'QuickTime',
		extensions: ['mov', 'qt'],
		// Older QuickTime files start with their movie or data box instead of ftyp.
		signature: (head) => ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(firstBox(head)),
	},
];

/** Formats often sent by mistake, to say what a refused file looks like. */
const OTHER_FORMATS: ReadonlyArray<Pick<FileType, 'label' | 'signature'>> = [
	{ label: 'a PDF document', signature: (head) => startsWith(head, '%PDF-') },
	{ label: 'a ZIP archive (or Office document)', signature: (head) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]) },
	{ label: 'an HTML page', signature: (head) => /^\s*<(!doctype html|html)/i.test(head.toString('latin1', 0, 64)) },
	{ label: 'a JSON document', signature: (head) => /^\s*[{[]/.test(head.toString('latin1', 0, 16)) },
];

/** What a file's first bytes say it is, in words. */
function looksLike(data: Buffer): string | undefined {
	const known = [...IMAGE_TYPES, ...VIDEO_TYPES].find((type) => type.signature(data));
	return known ? `a ${known.label} file` : OTHER_FORMATS.find((format) => format.signature(data))?.label;
}

/** Non-standard names some tools put on these files. */
const MIME_ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'video/x-m4v': 'video/mp4' };

export interface UploadLimits {
	maxBytes: number;
	/** Checked when the duration can be read from the file (MP4 and QuickTime). */
	maxSeconds?: number;
}

export interface UploadSpec {
	/** What the file is, in messages: "image", "avatar", "video". */
	what: string;
	types: readonly FileType[];
	/** The limits, given the form fields sent beside the file (a byte video may be longer than a post video). */
	limits: (fields: Record<string, string>) => UploadLimits;
}

export const IMAGE_UPLOAD: UploadSpec = { what: 'image', types: IMAGE_TYPES, limits: () => ({ maxBytes: 10 * MB }) };

export const AVATAR_UPLOAD: UploadSpec = { what: 'avatar', types: IMAGE_TYPES, limits: () => ({ maxBytes: 5 * MB }) };

export const VIDEO_UPLOAD: UploadSpec = {
	what: 'video',
	types: VIDEO_TYPES,
	limits: (fields) =>
		fields.purpose === 'byte' ? { maxBytes: 100 * MB, maxSeconds: 60 } : { maxBytes: 50 * MB, maxSeconds: 180 },
};

export function binaryPropertyField(what: string): INodeProperties {
	return {
		displayName: BINARY_LABEL,
		name: BINARY_PROPERTY,
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field containing the file to be uploaded',
		description: `Name of the binary field of the input item that holds the ${what} (for example from Read/Write Files from Disk or an HTTP Request download)`,
	};
}

function formatSize(bytes: number): string {
	return bytes >= MB ? `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A size and its limit in words; in bytes when rounding would make them look equal. */
function sizeAndLimit(size: number, limit: number): [string, string] {
	const [a, b] = [formatSize(size), formatSize(limit)];
	return a === b ? [`${size} bytes`, `${limit} bytes (${b})`] : [a, b];
}

function article(what: string): string {
	return `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`;
}

function typeList(types: readonly FileType[]): string {
	const labels = types.map((t) => t.label);
	return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

function extensionOf(binary: IBinaryData): string {
	const fromName = /\.([A-Za-z0-9]+)$/.exec(binary.fileName ?? '')?.[1];
	return String(binary.fileExtension || fromName || '').toLowerCase();
}

/**
 * The binary's declared MIME type and the allowed type it names. A missing or generic one
 * (`generic`) says nothing: the file's content decides, its extension only names what was meant.
 */
function fileTypeOf(binary: IBinaryData, types: readonly FileType[]): { declared: string; type?: FileType; generic: boolean } {
	const raw = String(binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	const declared = MIME_ALIASES[raw] ?? raw;
	if (declared === '' || declared === 'application/octet-stream') {
		const extension = extensionOf(binary);
		return { declared, type: types.find((t) => t.extensions.includes(extension)), generic: true };
	}
	return { declared, type: types.find((t) => t.mimeType === declared), generic: false };
}

/**
 * Duration of an MP4/QuickTime file from its movie header (moov → mvhd), or undefined when
 * the file has none where expected (other formats, fragmented files).
 */
export function videoDurationSeconds(data: Buffer): number | undefined {
	const boxes = function* (start: number, end: number): Generator<{ type: string; body: number; end: number }> {
		let offset = start;
		while (offset + 8 <= end) {
			let size = data.readUInt32BE(offset);
			let header = 8;
			if (size === 1 && offset + 16 <= end) {
				size = Number(data.readBigUInt64BE(offset + 8));
				header = 16;
			} else if (size === 0) {
				size = end - offset;
			}
			if (size < header || offset + size > end) return;
			yield { type: data.toString('latin1', offset + 4, offset + 8), body: offset + header, end: offset + size };
			offset += size;
		}
	};
	for (const top of boxes(0, data.length)) {
		if (top.type !== 'moov') continue;
		for (const box of boxes(top.body, top.end)) {
			if (box.type !== 'mvhd') continue;
			const version = data.readUInt8(box.body);
			const at = box.body + (version === 1 ? 20 : 12);
			if (at + (version === 1 ? 12 : 8) > box.end) return undefined;
			const timescale = data.readUInt32BE(at);
			const duration = version === 1 ? Number(data.readBigUInt64BE(at + 4)) : data.readUInt32BE(at + 4);
			return timescale > 0 ? duration / timescale : undefined;
		}
	}
	return undefined;
}

export interface MultipartFile {
	field: string;
	fileName: string;
	contentType: string;
	data: Buffer;
}

/** Quotes a name for Content-Disposition the way browsers do (WHATWG form encoding). */
function quoted(value: string): string {
	return `"${value.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')}"`;
}

/** A multipart/form-data body: the text fields, then the file. */
export function multipartBody(fields: Record<string, string>, file: MultipartFile): { body: Buffer; contentType: string } {
	const boundary = `----n8nImagineAnything${randomBytes(16).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`));
	}
	chunks.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.field)}; filename=${quoted(file.fileName)}\r\n` +
				`Content-Type: ${file.contentType}\r\n\r\n`,
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	);
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The fields n8n built from the parameters (`routing.send` type body), as form text. */
function formFields(body: unknown): Record<string, string> {
	const fields: Record<string, string> = {};
	if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return fields;
	for (const [name, value] of Object.entries(body as IDataObject)) {
		if (value === undefined || value === null || value === '') continue;
		fields[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
	return fields;
}

/** Reads the item's file and checks its type, size and (when readable) duration. */
async function readFile(
	this: IExecuteSingleFunctions,
	spec: UploadSpec,
	fields: Record<string, string>,
): Promise<MultipartFile> {
	const property = String(this.getNodeParameter(BINARY_PROPERTY, 'data') ?? '').trim();
	if (property === '') {
		throw invalidParameter.call(this, BINARY_LABEL, 'is empty', `Set "${BINARY_LABEL}" to the name of the binary field that holds the ${spec.what}, usually "data".`);
	}
	const binary = this.helpers.assertBinaryData(property);
	const allowed = typeList(spec.types);
	const { declared, type, generic } = fileTypeOf(binary, spec.types);
	if (!type && !generic) {
		throw invalidParameter.call(
			this,
			BINARY_LABEL,
			`holds a file of type ${declared || 'unknown'} ("${property}"), but the ${spec.what} must be ${allowed}`,
			`ImagineAnything accepts ${article(spec.what)} as ${allowed} only; nothing was sent. Convert the file first, or point "${BINARY_LABEL}" at the right binary field.`,
		);
	}
	const { maxBytes, maxSeconds } = spec.limits(fields);
	const tooLarge = (size: number) => {
		const [actual, limit] = sizeAndLimit(size, maxBytes);
		return invalidParameter.call(
			this,
			BINARY_LABEL,
			`holds a file of ${actual} ("${property}"), but the ${spec.what} may be at most ${limit}`,
			`ImagineAnything accepts ${article(spec.what)} (${allowed}) of at most ${formatSize(maxBytes)}; nothing was sent. Use a smaller or compressed file.`,
		);
	};
	// The declared size lets an oversized file fail before it is read into memory.
	if (typeof binary.bytes === 'number' && binary.bytes > maxBytes) throw tooLarge(binary.bytes);
	const data = await this.helpers.getBinaryDataBuffer(property);
	if (data.length > maxBytes) throw tooLarge(data.length);
	if (data.length === 0) {
		throw invalidParameter.call(
			this,
			BINARY_LABEL,
			`holds an empty file (0 bytes, "${property}")`,
			`The node that made the file gave it no content; nothing was sent. Check that it downloaded or converted the ${spec.what}.`,
		);
	}
	const format = generic ? spec.types.find((t) => t.signature(data)) : type?.signature(data) ? type : undefined;
	if (!format) {
		const claimed = type ? `declared as ${type.label} ("${property}", ${generic ? `.${extensionOf(binary)}` : declared})` : `of type ${declared || 'unknown'} ("${property}")`;
		throw invalidParameter.call(
			this,
			BINARY_LABEL,
			`holds a file ${claimed}, but its content is ${looksLike(data) ?? `not ${type?.label ?? allowed}`}`,
			`ImagineAnything accepts ${article(spec.what)} as ${allowed} only; nothing was sent. Check the node that made the file: it may have saved an error page or another file under this name.`,
		);
	}
	const seconds = maxSeconds === undefined ? undefined : videoDurationSeconds(data);
	if (seconds !== undefined && maxSeconds !== undefined && seconds > maxSeconds) {
		throw invalidParameter.call(
			this,
			BINARY_LABEL,
			`holds a video of ${Math.round(seconds * 10) / 10} s ("${property}"), but it may be at most ${maxSeconds} s${fields.purpose ? ` for purpose "${fields.purpose}"` : ''}`,
			`Trim the video to ${maxSeconds} seconds or less; nothing was sent.`,
		);
	}
	return { field: 'file', fileName: binary.fileName || `${spec.what}.${format.extensions[0]}`, contentType: format.mimeType, data };
}

/**
 * A preSend that turns the request into a multipart/form-data upload: the checked file of the
 * input item in field `file`, plus the body fields built from the parameters (purpose, folder).
 * Everything is checked before anything is sent.
 */
export function uploadFile(spec: UploadSpec): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const fields = formFields(requestOptions.body);
		const { body, contentType } = multipartBody(fields, await readFile.call(this, spec, fields));
		requestOptions.body = body;
		requestOptions.headers = {
			...requestOptions.headers,
			'Content-Type': contentType,
			'Content-Length': String(body.length),
		};
		// n8n-core passes a Buffer body through untouched even with `json: true` (it only adds an
		// Accept header and sets application/json for non-Buffer bodies); `json: false` keeps it
		// that way should a later version encode bodies of JSON requests.
		requestOptions.json = false;
		return requestOptions;
	};
}

/** The id of an uploaded file: `id`, or `media_id`/`mediaId` as the guide and older answers call it. */
export function mediaIdOf(answer: unknown): string | undefined {
	const object = answer && typeof answer === 'object' ? (answer as IDataObject) : {};
	const inner = object.media && typeof object.media === 'object' ? (object.media as IDataObject) : object;
	const id = inner.id ?? inner.media_id ?? inner.mediaId;
	return id === undefined || id === null || id === '' ? undefined : String(id);
}

/** Output of an upload: the answer with its id always under `id`. */
export function withMediaId(this: IExecuteSingleFunctions, entry: IDataObject): IDataObject {
	const id = mediaIdOf(entry);
	return id === undefined || entry.id !== undefined ? entry : { id, ...entry };
}
