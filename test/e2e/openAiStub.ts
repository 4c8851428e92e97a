/**
 * A local stand-in for OpenAI's chat-completions API that drives an n8n AI Agent by script: each
 * answer is a set of tool calls or a final text, chosen by the conversation so far. It records
 * every request (the tool schemas and the messages, tool results included) for the test to read.
 * Speaks `POST /v1/chat/completions` (plain JSON or, when asked, server-sent events) and `GET /v1/models`.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters: { properties?: Record<string, { type?: string; description?: string }>; required?: string[] } };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
}

/** What the model answers next: tool calls (a tool by its name or the start of it) or its final text. */
export type Reply = { call: Array<{ tool: string; args: Record<string, unknown> }> } | { say: string };

/**
 * A scripted model: `reply` gets the request and the round (how many times the model has answered
 * in this conversation so far, i.e. the assistant messages in it).
 */
export type Script = (request: ChatRequest, round: number) => Reply;

export interface OpenAiStub {
	/** The Base URL for n8n's OpenAI credential (…/v1). */
	url: string;
	requests: ChatRequest[];
	close(): Promise<void>;
}

/** The text of a message's content. */
export function textOf(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/** The name of the offered tool that is `name` or starts with it. */
function toolNamed(request: ChatRequest, name: string): string {
	const names = (request.tools ?? []).map((tool) => tool.function.name);
	const found = names.find((offered) => offered === name) ?? names.find((offered) => offered.startsWith(name));
	if (!found) throw new Error(`no tool ${name} among ${names.join(', ')}`);
	return found;
}

function completion(request: ChatRequest, reply: Reply, callIds: () => string): Record<string, unknown> {
	const message =
		'say' in reply
			? { role: 'assistant', content: reply.say }
			: {
					role: 'assistant',
					content: null,
					tool_calls: reply.call.map(({ tool, args }) => ({ id: callIds(), type: 'function', function: { name: toolNamed(request, tool), arguments: JSON.stringify(args) } })),
				};
	return {
		id: `chatcmpl-stub-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: request.model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: 'say' in reply ? 'stop' : 'tool_calls' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

/** The same answer as server-sent chunks: one with the whole message, one with the finish reason. */
function streamed(body: Record<string, unknown>): string {
	const [choice] = body.choices as Array<{ message: Record<string, unknown>; finish_reason: string }>;
	const { tool_calls: toolCalls, ...rest } = choice.message as { tool_calls?: Array<Record<string, unknown>> };
	const delta = toolCalls ? { ...rest, tool_calls: toolCalls.map((call, index) => ({ index, ...call })) } : rest;
	const chunk = (choices: unknown[]) => `data: ${JSON.stringify({ id: body.id, object: 'chat.completion.chunk', created: body.created, model: body.model, choices })}\n\n`;
	return chunk([{ index: 0, delta, finish_reason: null }]) + chunk([{ index: 0, delta: {}, finish_reason: choice.finish_reason }]) + 'data: [DONE]\n\n';
}

export async function startOpenAiStub(script: Script): Promise<OpenAiStub> {
	const requests: ChatRequest[] = [];
	let calls = 0;
	const callIds = () => `call_${++calls}`;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const answer = (status: number, body: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			if (req.method === 'GET' && req.url === '/v1/models') return answer(200, { object: 'list', data: [{ id: 'stub-model', object: 'model', owned_by: 'stub' }] });
			if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return answer(404, { error: { message: `no route ${req.method} ${req.url}` } });
			let request: ChatRequest;
			try {
				request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
			} catch {
				return answer(400, { error: { message: 'the body is not JSON' } });
			}
			requests.push(request);
			let body: Record<string, unknown>;
			try {
				body = completion(request, script(request, request.messages.filter((message) => message.role === 'assistant').length), callIds);
			} catch (error) {
				return answer(500, { error: { message: `stub script: ${(error as Error).message}` } });
			}
			if (!request.stream) return answer(200, body);
			res.writeHead(200, { 'content-type': 'text/event-stream' });
			res.end(streamed(body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
