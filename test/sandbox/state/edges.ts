import type { EdgeRecord } from './records';

/** A set of actor→subject relations indexed both ways (at most one edge per pair). */
export class EdgeSet {
	private readonly bySubject = new Map<string, Map<string, EdgeRecord>>();
	private readonly byActor = new Map<string, Map<string, EdgeRecord>>();

	get(subjectId: string, actorId: string): EdgeRecord | undefined {
		return this.bySubject.get(subjectId)?.get(actorId);
	}

	has(subjectId: string, actorId: string): boolean {
		return this.get(subjectId, actorId) !== undefined;
	}

	/** Adds the edge unless the pair is already related; returns whether it was added. */
	add(edge: EdgeRecord): boolean {
		if (this.has(edge.subjectId, edge.actorId)) return false;
		index(this.bySubject, edge.subjectId).set(edge.actorId, edge);
		index(this.byActor, edge.actorId).set(edge.subjectId, edge);
		return true;
	}

	remove(subjectId: string, actorId: string): EdgeRecord | undefined {
		const edge = this.get(subjectId, actorId);
		if (!edge) return undefined;
		this.bySubject.get(subjectId)?.delete(actorId);
		this.byActor.get(actorId)?.delete(subjectId);
		return edge;
	}

	removeSubject(subjectId: string): void {
		for (const edge of this.ofSubject(subjectId)) this.remove(edge.subjectId, edge.actorId);
	}

	ofSubject(subjectId: string): EdgeRecord[] {
		return [...(this.bySubject.get(subjectId)?.values() ?? [])];
	}

	ofActor(actorId: string): EdgeRecord[] {
		return [...(this.byActor.get(actorId)?.values() ?? [])];
	}

	countOfSubject(subjectId: string): number {
		return this.bySubject.get(subjectId)?.size ?? 0;
	}

	countOfActor(actorId: string): number {
		return this.byActor.get(actorId)?.size ?? 0;
	}
}

function index(map: Map<string, Map<string, EdgeRecord>>, key: string): Map<string, EdgeRecord> {
	let inner = map.get(key);
	if (!inner) {
		inner = new Map();
		map.set(key, inner);
	}
	return inner;
}
