import type {
	IExecuteSingleFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { serviceUrl } from '../transport';

export const HANDLE_PATTERN = /^[a-z][a-z0-9_]{2,29}$/;

const POST_URL = /\/posts?\/([A-Za-z0-9_-]+)/;
const AGENT_URL = /\/agents?\/@?([A-Za-z0-9_]+)/;

type LocatorKind = 'post' | 'agent' | 'hashtag' | 'id';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Path placeholders: the kind of value each takes and the parameter's display name. */
const PLACEHOLDERS: Record<string, { kind: LocatorKind; label: string }> = {
	postId: { kind: 'post', label: 'Post' },
	handle: { kind: 'agent', label: 'Agent' },
	commentId: { kind: 'id', label: 'Comment ID' },
	provider: { kind: 'id', label: 'Provider' },
	jobId: { kind: 'id', label: 'Job ID' },
	slug: { kind: 'id', label: 'Slug' },
	serviceId: { kind: 'id', label: 'Service ID' },
	orderId: { kind: 'id', label: 'Order ID' },
	byteId: { kind: 'id', label: 'Byte ID' },
	participantHandle: { kind: 'agent', label: 'Participant' },
	conversationId: { kind: 'id', label: 'Conversation ID' },
	messageId: { kind: 'id', label: 'Message ID' },
	tag: { kind: 'hashtag', label: 'Hashtag' },
	agentId: { kind: 'id', label: 'Agent ID' },
	reportedPostId: { kind: 'post', label: 'Post' },
	reportedCommentId: { kind: 'id', label: 'Comment ID' },
	reportedAgentId: { kind: 'id', label: 'Agent ID' },
};

function rawValue(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in (value as INodeParameterResourceLocator)) {
		return String((value as INodeParameterResourceLocator).value ?? '');
	}
	return value === undefined || value === null ? '' : String(value);
}

/** ImagineAnything's own addresses; links to the service of the credential's Base URL are accepted too. */
const SERVICE_HOSTS = ['imagineanything.com', 'www.imagineanything.com'];

/** Handles as typed: checked before lowercasing, since some non-ASCII letters lowercase to ASCII (K, U+212A). */
const TYPED_HANDLE = /^[A-Za-z][A-Za-z0-9_]{2,29}$/;

type Parsed = { value: string } | { problem: string; hint: string };

const HINTS: Record<LocatorKind, string> = {
	agent: 'Set it to the handle of the agent (for example alice_ai or @alice_ai) or its profile URL on ImagineAnything',
	post: 'Set it to the ID of the post or its URL on ImagineAnything',
	hashtag: 'Set it to the hashtag, with or without #',
	id: 'Set it to the ID',
};

/**
 * Turns what a user typed (an ID, a post URL, @handle, a profile URL) into the value the service
 * takes. Done here rather than by n8n's `extractValue`, because workflows imported or built by
 * code have no stored regex and n8n would then send the whole URL. `hosts`: the sites whose links
 * are accepted.
 */
export function parseLocator(kind: LocatorKind, input: string, hosts: readonly string[]): Parsed {
	let value = kind === 'hashtag' ? input.trim().replace(/^#/, '') : input.trim();
	if (value === '') return { problem: 'is empty', hint: `${HINTS[kind]}, or map it from the input with an expression.` };
	if (kind === 'hashtag' || kind === 'id') return { value };
	if (value.includes('/')) {
		let url: URL;
		try {
			url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
		} catch {
			return { problem: `is not a valid URL: "${value}"`, hint: HINTS[kind] + '.' };
		}
		if (!/^https?:$/.test(url.protocol) || !hosts.includes(url.hostname.toLowerCase())) {
			return {
				problem: `is a link to another site (${url.host}): "${value}"`,
				hint: `Only links to ${hosts.join(' or ')} are read. ${HINTS[kind]}.`,
			};
		}
		const found = (kind === 'post' ? POST_URL : AGENT_URL).exec(url.pathname)?.[1];
		if (!found) {
			return { problem: `is not ${kind === 'post' ? 'a post URL' : 'an agent profile URL'}: "${value}"`, hint: HINTS[kind] + '.' };
		}
		value = found;
	}
	if (kind === 'post') return { value };
	const handle = value.replace(/^@/, '');
	if (!TYPED_HANDLE.test(handle) || !HANDLE_PATTERN.test(handle.toLowerCase())) {
		return {
			problem: `is not a valid handle: "${handle}"`,
			hint: "Handles are 3–30 characters, letters, numbers and underscores (ASCII only), and start with a letter. You can also paste @handle or the agent's profile URL.",
		};
	}
	return { value: handle.toLowerCase() };
}

/** The sites whose links locators accept: ImagineAnything and the service requests go to. */
async function acceptedHosts(this: IExecuteSingleFunctions): Promise<string[]> {
	const own = new URL(await serviceUrl.call(this)).hostname.toLowerCase();
	return SERVICE_HOSTS.includes(own) ? SERVICE_HOSTS : [...SERVICE_HOSTS, own];
}

/** The value of a locator or ID parameter (a path placeholder's name), normalised and checked. */
export async function locatorValue(this: IExecuteSingleFunctions, parameter: string): Promise<string> {
	const { kind, label } = PLACEHOLDERS[parameter] ?? { kind: 'id', label: parameter };
	const parsed = parseLocator(kind, rawValue(this.getNodeParameter(parameter, '')), await acceptedHosts.call(this));
	if ('value' in parsed) return parsed.value;
	throw new NodeOperationError(this.getNode(), `"${label}" ${parsed.problem}`, { itemIndex: this.getItemIndex(), description: parsed.hint });
}

/** Replaces every `{parameter}` in a path with the URL-encoded, normalised parameter value. */
export async function resolvePath(this: IExecuteSingleFunctions, path: string): Promise<string> {
	let resolved = '';
	let last = 0;
	for (const match of path.matchAll(PLACEHOLDER)) {
		resolved += path.slice(last, match.index) + encodeURIComponent(await locatorValue.call(this, match[1]));
		last = match.index + match[0].length;
	}
	return resolved + path.slice(last);
}

/** What the placeholders of a path were set to, as far as they can be read: for describing a failed item. */
export function pathValues(this: IExecuteSingleFunctions, path: string): Array<{ parameter: string; label: string; value: string }> {
	const values = [];
	for (const [, parameter] of path.matchAll(PLACEHOLDER)) {
		const { kind, label } = PLACEHOLDERS[parameter] ?? { kind: 'id', label: parameter };
		let raw: string;
		try {
			raw = rawValue(this.getNodeParameter(parameter, '')).trim();
		} catch {
			continue;
		}
		const parsed = parseLocator(kind, raw, SERVICE_HOSTS);
		if (raw !== '') values.push({ parameter, label, value: 'value' in parsed ? parsed.value : raw });
	}
	return values;
}

/** A URL mode takes the value from a URL that `url` matches, and refuses any other text. */
function fromUrl(url: RegExp, errorMessage: string): Pick<INodePropertyMode, 'extractValue' | 'validation'> {
	return {
		extractValue: { type: 'regex', regex: url.source },
		validation: [{ type: 'regex', properties: { regex: `.*${url.source}.*`, errorMessage } }],
	};
}

/** A required ID (or slug, hashtag) parameter; `{name}` in an operation's path is filled from it. */
export function idField(
	displayName: string,
	name: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: '', required: true, description, ...extra };
}

export function postLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Post',
		name: 'postId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description: 'The post to act on',
		modes: [
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. post_abc123',
			},
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://imagineanything.com/post/post_abc123',
				...fromUrl(POST_URL, 'Not a post URL'),
			},
		],
		...overrides,
	};
}

export function agentLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Agent',
		name: 'handle',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The agent, by handle',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an agent...',
				typeOptions: { searchListMethod: 'searchAgents', searchable: true },
			},
			{
				displayName: 'Handle',
				name: 'handle',
				type: 'string',
				placeholder: 'e.g. alice_ai or @alice_ai',
			},
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://imagineanything.com/agent/alice_ai',
				...fromUrl(AGENT_URL, 'Not an agent profile URL'),
			},
		],
		...overrides,
	};
}
