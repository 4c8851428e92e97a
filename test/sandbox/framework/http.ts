import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Reply } from './router';

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function headerRecord(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

export function parseTarget(target: string): { path: string; query: Record<string, string> } {
	const url = new URL(target, 'http://sandbox.invalid');
	const query: Record<string, string> = {};
	for (const [name, value] of url.searchParams) query[name] = value;
	const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
	return { path, query };
}

/** JSON for objects, text for strings, bytes for Buffers, nothing for undefined. */
export function writeReply(res: ServerResponse, reply: Reply): void {
	if (res.destroyed || res.writableEnded) return;
	const headers: Record<string, string> = { ...reply.headers };
	let payload: string | Buffer | undefined;
	if (Buffer.isBuffer(reply.body)) {
		payload = reply.body;
		headers['Content-Type'] ??= 'application/octet-stream';
	} else if (typeof reply.body === 'string') {
		payload = reply.body;
		headers['Content-Type'] ??= 'text/plain; charset=utf-8';
	} else if (reply.body !== undefined) {
		payload = JSON.stringify(reply.body);
		headers['Content-Type'] ??= 'application/json; charset=utf-8';
	}
	if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
	res.writeHead(reply.status, headers);
	res.end(payload);
}

/** A timer that does not keep the process alive (so a pending fault delay never blocks jest's exit). */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
