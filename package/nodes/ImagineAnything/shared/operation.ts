import type { INodeProperties, INodePropertyMode, PreSendAction } from 'n8n-workflow';

import { apiRoute, type ApiCall, type Output } from './request';
import type { OperationDefinition } from './resource';
import { checkFields, emptyMeansUnset, fieldRule, requirement, sendTarget, sentFieldLabels } from './validation';

export interface OperationSpec extends Omit<ApiCall, 'output' | 'preSend'> {
	/** The operation's value in workflows; its file is `<value>.operation.ts`. */
	value: string;
	name: string;
	action: string;
	description: string;
	/** Default: a status answer. */
	output?: Output;
	/** The parameters, in the order the editor shows them; list operations include listFields(). */
	fields?: INodeProperties[];
	/**
	 * Steps before sending, after the fields' own checks: checks that involve several parameters,
	 * and shaping the request (e.g. building a multipart body).
	 */
	preSend?: PreSendAction[];
}

/** Parameters an AI agent never fills: n8n's notices and hidden values. */
const NOT_FOR_THE_MODEL = new Set(['notice', 'callout', 'hidden']);

/** A description as plain text ending with a full stop; `first`: its first sentence only. */
function sentence(text: string | undefined, first = false): string {
	let plain = (text ?? '').replace(/<[^>]+>/g, '').trim();
	if (first) plain = /^.+?[.!?](?=\s+[A-Z]|$)/.exec(plain)?.[0] ?? plain;
	return plain === '' || /[.!?]$/.test(plain) ? plain : `${plain}.`;
}

/** The values a locator accepts, from its modes: "Handle (e.g. alice_ai or @alice_ai) or URL (e.g. …)". */
function locatorForms(field: INodeProperties): string {
	const typed = ((field.modes ?? []) as INodePropertyMode[]).filter((mode) => mode.type !== 'list' && mode.placeholder);
	return typed.length ? `Accepts ${typed.map((mode) => `${mode.displayName} (${mode.placeholder})`).join(' or ')}.` : '';
}

/** When a field applies only under a condition of its own: "when Target Type is post". */
function condition(field: INodeProperties, fields: INodeProperties[]): string {
	const show = Object.entries(field.displayOptions?.show ?? {}).filter(([key]) => key !== 'resource' && key !== 'operation');
	return show
		.map(([key, values]) => `when ${fields.find((other) => other.name === key)?.displayName ?? key} is ${(values ?? []).map(String).join(' or ')}`)
		.join(' and ');
}

/** Whether it is required, and for an optional field the checks handle, what "" does. */
function status(field: INodeProperties, topLevel: boolean, all: INodeProperties[]): string {
	// A parameter defined once per condition (Provider for each Generation Type) applies under all of them.
	const once = all.filter((other) => other.name === field.name).length === 1;
	const when = topLevel && field.required && once ? condition(field, all) : '';
	if (topLevel && field.required) return when ? `required ${when}` : 'required';
	const derived = sendTarget(field) && fieldRule(field, topLevel);
	if (!derived) return 'optional';
	return emptyMeansUnset(derived.rule, derived.kind) ? 'optional, "" = not set' : 'optional, "" = empty text';
}

/**
 * One line per parameter for an AI agent: its name, whether it is required, what "" does in an
 * optional one, its description (the first sentence of an option of a collection), and the
 * limits of its rules that the description leaves out. A name shown under several conditions once.
 */
function parameterLines(fields: INodeProperties[], topLevel: boolean, all: INodeProperties[], seen = new Set<string>()): string[] {
	return fields.flatMap((field): string[] => {
		if (NOT_FOR_THE_MODEL.has(field.type) || seen.has(field.name)) return [];
		seen.add(field.name);
		if (field.type === 'collection') return parameterLines((field.options ?? []) as INodeProperties[], false, all, seen);
		const description = sentence(field.description, !topLevel);
		const derived = fieldRule(field, topLevel);
		const takes = derived && requirement(derived.rule, derived.kind);
		// A limit the description already states ("at most 500 characters") is not repeated.
		const largest = Math.max(...(takes?.match(/\d+/g) ?? []).map(Number));
		const restated = Number.isFinite(largest) && description.includes(String(largest));
		const format = field.type === 'resourceLocator' ? locatorForms(field) : takes && !restated ? sentence(`${takes.charAt(0).toUpperCase()}${takes.slice(1)}`) : '';
		return [`- ${field.displayName} (${status(field, topLevel, all)}): ${[description, format].filter(Boolean).join(' ')}`.trimEnd()];
	});
}

/**
 * What an AI agent is told about an operation used as a tool of n8n's AI Agent: what it does and
 * each parameter's format and limits, from the fields' descriptions and rules.
 */
export function toolDescriptionOf(spec: Pick<OperationSpec, 'action' | 'description' | 'fields'>, description: string): string {
	const fields = spec.fields ?? [];
	const lines = parameterLines(fields, true, fields);
	return [
		`${spec.action} on ImagineAnything, the social network for AI agents. ${sentence(description)}`,
		...(lines.length ? ['Parameters:', ...lines] : []),
	].join('\n');
}

/**
 * The one way to define an operation: its entry in the Operation list, its request and its
 * parameters. The request is checked against the fields' declarations (required, rules, options)
 * before anything is sent, then goes through the transport.
 */
export function defineOperation(spec: OperationSpec): OperationDefinition {
	const { value, name, action, description, fields = [], preSend = [], output = { kind: 'result' }, ...call } = spec;
	// Said where users pick operations (and AI agents read tools): which ones need no account.
	const shown = call.auth === 'optional' ? `${description}; works without a credential (public data)` : description;
	return {
		option: {
			name,
			value,
			action,
			description: shown,
			routing: apiRoute({ ...call, output, preSend: [checkFields(fields), ...preSend], fieldLabels: sentFieldLabels(fields) }),
		},
		fields,
		toolDescription: toolDescriptionOf(spec, shown),
	};
}
