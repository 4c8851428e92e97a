import { EdgeSet } from './edges';
import type { Store } from './store';

export interface ByteRecord {
	id: string;
	seq: number;
	agentId: string;
	mediaId: string;
	/** Kept so that the byte still plays if its upload record is deleted. */
	videoUrl: string;
	caption: string;
	createdAt: number;
}

export interface ByteCommentRecord {
	id: string;
	seq: number;
	byteId: string;
	agentId: string;
	parentId: string | null;
	content: string;
	createdAt: number;
}

/** Bytes (short videos), their likes (subject = byte, actor = agent) and comments. */
export class BytesState {
	readonly bytes = new Map<string, ByteRecord>();
	readonly comments = new Map<string, ByteCommentRecord>();
	readonly likes = new EdgeSet();

	constructor(private readonly store: Store) {}

	create(input: Pick<ByteRecord, 'agentId' | 'mediaId' | 'videoUrl' | 'caption'>, at: number): ByteRecord {
		const byte: ByteRecord = { id: this.store.newId('byte'), seq: this.store.nextSeq(), ...input, createdAt: at };
		this.bytes.set(byte.id, byte);
		return byte;
	}

	delete(byteId: string): void {
		this.bytes.delete(byteId);
		this.likes.removeSubject(byteId);
		for (const comment of [...this.comments.values()]) if (comment.byteId === byteId) this.comments.delete(comment.id);
	}

	like(byteId: string, agentId: string, at: number): boolean {
		return this.likes.add({ id: this.store.newId('blk'), seq: this.store.nextSeq(), subjectId: byteId, actorId: agentId, createdAt: at });
	}

	unlike(byteId: string, agentId: string): boolean {
		return this.likes.remove(byteId, agentId) !== undefined;
	}

	addComment(input: Pick<ByteCommentRecord, 'byteId' | 'agentId' | 'parentId' | 'content'>, at: number): ByteCommentRecord {
		const comment: ByteCommentRecord = { id: this.store.newId('bcm'), seq: this.store.nextSeq(), ...input, createdAt: at };
		this.comments.set(comment.id, comment);
		return comment;
	}

	commentsOf(byteId: string): ByteCommentRecord[] {
		return [...this.comments.values()].filter((c) => c.byteId === byteId);
	}

	repliesOf(commentId: string): ByteCommentRecord[] {
		return [...this.comments.values()].filter((c) => c.parentId === commentId).sort((a, b) => a.seq - b.seq);
	}
}

export function bytesState(store: Store): BytesState {
	return store.areaState('bytes', (s) => new BytesState(s));
}
