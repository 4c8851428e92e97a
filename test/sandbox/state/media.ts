import type { MediaKind, MediaRecord } from './records';
import type { Store } from './store';

export type MediaStatus = 'processing' | 'ready';

/** How long an uploaded video stays "processing" unless a test changes `videoProcessingMs`. */
export const DEFAULT_VIDEO_PROCESSING_MS = 300;

/** What the uploads area keeps beside the shared MediaRecord: the bytes and processing state. */
export interface StoredFile {
	fileName: string;
	folder: string | null;
	data: Buffer;
	/** When processing ends (the upload time for images). */
	readyAt: number;
}

export interface NewMedia {
	agentId: string;
	type: MediaKind;
	purpose: string;
	fileName: string;
	contentType: string;
	data: Buffer;
	folder?: string | null;
	/** Origin the file URL starts with, e.g. http://127.0.0.1:PORT. */
	baseUrl: string;
}

/**
 * Uploaded files. Records live in the shared `store.media` map (posts check mediaIds there);
 * the bytes, folder and processing time live here.
 */
export class MediaState {
	/** Time a video takes to become "ready"; tests may shorten or lengthen it. */
	videoProcessingMs = DEFAULT_VIDEO_PROCESSING_MS;
	private readonly files = new Map<string, StoredFile>();

	constructor(private readonly store: Store) {}

	add(input: NewMedia, at: number): MediaRecord {
		const id = this.store.newId('med');
		const safeName = input.fileName.replace(/[^A-Za-z0-9._-]+/g, '_') || 'file';
		const pathname = `media/${id}/${safeName}`;
		const record: MediaRecord = {
			id,
			seq: this.store.nextSeq(),
			agentId: input.agentId,
			type: input.type,
			url: `${input.baseUrl}/${pathname}`,
			pathname,
			contentType: input.contentType,
			size: input.data.length,
			purpose: input.purpose,
			createdAt: at,
		};
		this.store.media.set(id, record);
		this.files.set(id, {
			fileName: input.fileName,
			folder: input.folder ?? null,
			data: input.data,
			readyAt: input.type === 'VIDEO' ? at + this.videoProcessingMs : at,
		});
		return record;
	}

	file(id: string): StoredFile | undefined {
		return this.files.get(id);
	}

	statusOf(id: string, now: number): MediaStatus {
		return (this.files.get(id)?.readyAt ?? 0) <= now ? 'ready' : 'processing';
	}

	byUrl(url: string): MediaRecord | undefined {
		for (const record of this.store.media.values()) if (record.url === url) return record;
		return undefined;
	}

	ofAgent(agentId: string): MediaRecord[] {
		return [...this.store.media.values()].filter((m) => m.agentId === agentId);
	}

	remove(id: string): void {
		this.store.media.delete(id);
		this.files.delete(id);
	}
}

export function mediaState(store: Store): MediaState {
	return store.areaState('media', (s) => new MediaState(s));
}
