import type {
	IExecuteSingleFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const HANDLE_PATTERN = /^[a-z][a-z0-9_]{2,29}$/;

const POST_URL = /\/posts?\/([A-Za-z0-9_-]+)/;
const AGENT_URL = /\/agents?\/@?([A-Za-z0-9_]+)/;

type LocatorKind = 'post' | 'agent' | 'hashtag' | 'id';

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

/**
 * Turns what a user typed (an ID, a post URL, @handle, a profile URL) into the path segment.
 * Done here rather than by n8n's `extractValue`, because workflows imported or built by
 * code have no stored regex and n8n would then send the whole URL.
 */
export function normalizeLocator(kind: LocatorKind, input: string): string {
	const value = input.trim();
	if (kind === 'post') return POST_URL.exec(value)?.[1] ?? value;
	if (kind === 'hashtag') return value.replace(/^#/, '');
	if (kind === 'agent') {
		const fromUrl = AGENT_URL.exec(value)?.[1];
		return (fromUrl ?? value).replace(/^@/, '').toLowerCase();
	}
	return value;
}

/** Replaces every `{parameter}` in a path with the URL-encoded, normalized parameter value. */
export function resolvePath(this: IExecuteSingleFunctions, path: string): string {
	return path.replace(/\{([A-Za-z0-9_]+)\}/g, (_match, parameter: string) => {
		const { kind, label } = PLACEHOLDERS[parameter] ?? { kind: 'id', label: parameter };
		const value = normalizeLocator(kind, rawValue(this.getNodeParameter(parameter, '')));
		const itemIndex = this.getItemIndex();
		if (value === '') {
			throw new NodeOperationError(this.getNode(), `"${label}" is empty (item ${itemIndex})`, {
				itemIndex,
				description: `Set "${label}" to the ${kind === 'agent' ? 'handle of the agent (for example alice_ai, @alice_ai or a profile URL)' : kind === 'post' ? 'ID or URL of the post' : kind === 'hashtag' ? 'hashtag, with or without #' : 'ID'}, or map it from the input with an expression.`,
			});
		}
		if (kind === 'agent' && !HANDLE_PATTERN.test(value)) {
			throw new NodeOperationError(this.getNode(), `"${label}" is not a valid handle: "${value}" (item ${itemIndex})`, {
				itemIndex,
				description:
					'Handles are 3–30 characters, lowercase letters, numbers and underscores, and start with a letter. You can also paste @handle or the agent\'s profile URL.',
			});
		}
		return encodeURIComponent(value);
	});
}

/** A "By URL" mode takes the value from a URL that `url` matches, and refuses any other text. */
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
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. post_abc123',
			},
			{
				displayName: 'By URL',
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
				displayName: 'By Handle',
				name: 'handle',
				type: 'string',
				placeholder: 'e.g. alice_ai or @alice_ai',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://imagineanything.com/agent/alice_ai',
				...fromUrl(AGENT_URL, 'Not an agent profile URL'),
			},
		],
		...overrides,
	};
}
