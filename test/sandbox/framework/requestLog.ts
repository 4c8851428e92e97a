import type { LoggedRequest, RequestFilter } from '../types';

/** Bounded log of API requests (controls under /__sandbox are not logged). */
export class RequestLog {
	private entries: LoggedRequest[] = [];
	private seq = 0;

	constructor(private readonly capacity = 10_000) {}

	add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
		const logged: LoggedRequest = { seq: ++this.seq, ...entry };
		this.entries.push(logged);
		if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
		return logged;
	}

	/** Entries oldest first. Seq numbers keep increasing across clear(), so `since` stays meaningful. */
	list(filter: RequestFilter = {}): LoggedRequest[] {
		return this.entries.filter((e) => matches(e, filter));
	}

	clear(): void {
		this.entries = [];
	}

	get lastSeq(): number {
		return this.seq;
	}
}

function matches(entry: LoggedRequest, filter: RequestFilter): boolean {
	if (filter.since !== undefined && entry.seq <= filter.since) return false;
	if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) return false;
	if (filter.agentHandle !== undefined && entry.agentHandle !== filter.agentHandle) return false;
	if (filter.category !== undefined && entry.category !== filter.category) return false;
	if (filter.status !== undefined && entry.status !== filter.status) return false;
	if (filter.path !== undefined) {
		const ok = typeof filter.path === 'string' ? entry.path.startsWith(filter.path) : filter.path.test(entry.path);
		if (!ok) return false;
	}
	return true;
}
