import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rulesOf, type FieldRules } from './descriptions';

/** What problemWith checks: a field's rules, its label, whether it is required and its options' values. */
export type FieldRule = FieldRules & { label: string; required?: boolean; oneOf?: readonly string[] };

/** A full http(s) URL. */
export const HTTP_URL = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value && typeof value === 'object') return 'an object';
	return JSON.stringify(value);
}

function problemWith(value: unknown, rule: FieldRule): string | undefined {
	if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
		return rule.required ? 'is required' : undefined;
	}
	// Only spaces: empty for a required field, too short for one that needs a character.
	if (typeof value === 'string' && value.trim() === '' && (rule.required || !rule.minLength)) {
		return rule.required ? 'is required' : undefined;
	}
	if (Array.isArray(value)) {
		if (rule.maxItems !== undefined && value.length > rule.maxItems) {
			return `takes at most ${rule.maxItems} entries (it has ${value.length})`;
		}
		const long =
			rule.itemMaxLength === undefined
				? undefined
				: value.find((entry) => [...String(entry)].length > (rule.itemMaxLength as number));
		if (long !== undefined) return `has an entry longer than ${rule.itemMaxLength} characters: "${String(long)}"`;
		if (rule.url) {
			const notUrl = value.find((entry) => !HTTP_URL.test(String(entry)));
			if (notUrl !== undefined) return `must be full http(s) URLs ("${String(notUrl)}" is not)`;
		}
		return undefined;
	}
	if (typeof value === 'string') {
		const length = [...value].length;
		if (rule.minLength !== undefined && [...value.trim()].length < rule.minLength) {
			return `must be at least ${rule.minLength} characters (it has ${[...value.trim()].length})`;
		}
		if (rule.maxLength !== undefined && length > rule.maxLength) {
			return `must be at most ${rule.maxLength} characters (it has ${length})`;
		}
		if (rule.pattern && !rule.pattern.test(value)) return rule.patternHint ?? `must match ${String(rule.pattern)}`;
		if (rule.oneOf && !rule.oneOf.includes(value)) return `must be one of ${rule.oneOf.join(', ')} (got "${value}")`;
		if (rule.url && !HTTP_URL.test(value)) return 'must be a full http(s) URL';
	}
	if (typeof value === 'number') {
		if (rule.min !== undefined && value < rule.min) return `must be at least ${rule.min} (got ${value})`;
		if (rule.max !== undefined && value > rule.max) return `must be at most ${rule.max} (got ${value})`;
		if (rule.integer && !Number.isSafeInteger(value)) return `must be a whole number (got ${value})`;
	}
	return undefined;
}

/** What kind of JSON value a field sends. */
export type Kind = 'text' | 'number' | 'boolean' | 'list' | 'other';

function kindOf(field: INodeProperties, rules: FieldRules): Kind {
	if (rules.list) return 'list';
	if (field.type === 'number') return 'number';
	if (field.type === 'boolean') return 'boolean';
	if (field.type === 'string') return 'text';
	if (field.type === 'options') {
		const first = (field.options as Array<{ value?: unknown }> | undefined)?.[0]?.value;
		return typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : 'text';
	}
	return 'other';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A value as its field sends it: numbers and booleans mapped from text become numbers and
 * booleans, numbers for a text field become text, and an empty value is not sent. Answers the
 * value, or the problem when the value cannot be one of its kind.
 */
function typed(value: unknown, kind: Kind): { value: unknown } | { problem: string } {
	if (value === undefined || value === null) return { value: undefined };
	switch (kind) {
		case 'number':
			if (typeof value === 'number')
				return Number.isFinite(value) ? { value } : { problem: `must be a number (got ${String(value)})` };
			if (typeof value === 'string') {
				const text = value.trim();
				if (text === '') return { value: undefined };
				return NUMBER.test(text) && Number.isFinite(Number(text))
					? { value: Number(text) }
					: { problem: `must be a number (got ${describe(value)})` };
			}
			return { problem: `must be a number (got ${describe(value)})` };
		case 'boolean':
			if (typeof value === 'boolean') return { value };
			if (typeof value === 'string') {
				const text = value.trim().toLowerCase();
				if (text === '') return { value: undefined };
				if (text === 'true' || text === 'false') return { value: text === 'true' };
			}
			return { problem: `must be true or false (got ${describe(value)})` };
		case 'text':
			if (typeof value === 'string') return { value };
			if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value) };
			return { problem: `must be text (got ${describe(value)})` };
		case 'list':
			return Array.isArray(value)
				? { value: value.map((entry) => (typeof entry === 'string' ? entry : String(entry))) }
				: { value };
		default:
			return { value };
	}
}

/**
 * A parameter the code reads itself (not sent as a field), as a number or boolean: mapped text is
 * converted, anything else refused, naming the parameter.
 */
export function typedParameter(this: IExecuteSingleFunctions, label: string, value: unknown, kind: 'number' | 'boolean'): number | boolean | undefined {
	const result = typed(value, kind);
	if ('problem' in result) throw invalidParameter.call(this, label, result.problem);
	return result.value as number | boolean | undefined;
}

/**
 * A value of a parameter refused before anything is sent. The message names the parameter and what
 * is wrong with the value; the description says what to change. Neither names the item (n8n shows
 * it with the error, and an AI agent reading the message has no use for it).
 */
export function invalidParameter(
	this: IExecuteSingleFunctions,
	label: string,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(this.getNode(), `"${label}" ${problem}`, {
		itemIndex: this.getItemIndex(),
		description: description ?? `Correct "${label}"; nothing was sent to ImagineAnything.`,
	});
}

/** One field's check: a problem with the request as built, or undefined. */
type FieldCheck = (this: IExecuteSingleFunctions, request: IHttpRequestOptions) => NodeOperationError | undefined;

function sentIn(request: IHttpRequestOptions, type: string | undefined): IDataObject | undefined {
	const target = (type === 'query' ? request.qs : request.body) as IDataObject | undefined;
	return target && typeof target === 'object' && !Buffer.isBuffer(target) ? target : undefined;
}

function sentValue(request: IHttpRequestOptions, type: string | undefined, property: string): unknown {
	return sentIn(request, type)?.[property];
}

/** Where a field is sent: a plain body or query property (not computed by an expression). */
export function sendTarget(field: INodeProperties): { type?: string; property: string } | undefined {
	const send = field.routing?.send;
	if (!send || typeof send.property !== 'string' || send.property.startsWith('=')) return undefined;
	return { type: send.type, property: send.property };
}

/** The parameter each body or query field is sent from: API name → display name. */
export function sentFieldLabels(fields: INodeProperties[]): Record<string, string> {
	const labels: Record<string, string> = {};
	for (const field of fields) {
		if (field.type === 'collection') Object.assign(labels, sentFieldLabels((field.options ?? []) as INodeProperties[]));
		const target = sendTarget(field);
		if (target) labels[target.property] ??= field.displayName;
	}
	return labels;
}

/**
 * A field's rule as derived from its definition: its rules, whether it is required (a top-level
 * field marked required, unless it shows only under a condition of its own), its options' values
 * and n8n's own limits of a number field. Undefined for a collection (its options have rules).
 */
export function fieldRule(field: INodeProperties, topLevel: boolean): { rule: FieldRule; kind: Kind } | undefined {
	if (field.type === 'collection') return undefined;
	const rules = rulesOf(field);
	// A field shown only under a condition of its own (another parameter's value) may rightly be absent.
	const conditional = Object.keys(field.displayOptions?.show ?? {}).some((key) => key !== 'resource' && key !== 'operation');
	const rule: FieldRule = { label: field.displayName, required: topLevel && field.required === true && !conditional, ...rules };
	const options = field.options as Array<{ value?: unknown }> | undefined;
	if (field.type === 'options' && !rules.otherValues && !field.typeOptions?.loadOptionsMethod && options?.length) {
		rule.oneOf = options.map((option) => String(option.value));
	}
	const { minValue, maxValue, numberPrecision } = (field.typeOptions ?? {}) as {
		minValue?: number;
		maxValue?: number;
		numberPrecision?: number;
	};
	if (field.type === 'number') {
		rule.min ??= minValue;
		rule.max ??= maxValue;
		if (numberPrecision === 0) rule.integer = true;
	}
	return { rule, kind: kindOf(field, rules) };
}

/**
 * Whether "" can never be a value of the field: then "" in an optional field means "not set". An
 * AI agent fills every key n8n offers it (n8n marks them all required) and sends "" for those it
 * means to leave alone.
 */
export function emptyMeansUnset(rule: FieldRule, kind: Kind): boolean {
	if (rule.required) return false;
	if (kind === 'number' || kind === 'boolean' || kind === 'list') return true;
	return !!rule.minLength || !!rule.url || (rule.oneOf !== undefined && !rule.oneOf.includes('')) || (rule.pattern !== undefined && !rule.pattern.test(''));
}

function between(min: number | undefined, max: number | undefined, unit = ''): string {
	if (min !== undefined && max !== undefined) return min === max ? ` of ${min}${unit}` : ` of ${min}–${max}${unit}`;
	if (min !== undefined) return ` of at least ${min}${unit}`;
	return max !== undefined ? ` of at most ${max}${unit}` : '';
}

/**
 * What a field takes, in words from its rules, as a clause after its name: "takes text of at most
 * 500 characters", "takes one of TEXT, IMAGE". Said where a value is refused (the fix) and in what
 * an AI agent is told about the tool. Undefined when the rules ask for nothing in particular.
 */
export function requirement(rule: FieldRule, kind: Kind): string | undefined {
	const clauses: string[] = [];
	if (kind === 'list') {
		const count = rule.maxItems !== undefined ? `at most ${rule.maxItems} ` : '';
		const entries = rule.url ? 'full http(s) URLs' : rule.itemMaxLength !== undefined ? `entries of at most ${rule.itemMaxLength} characters each` : 'entries';
		clauses.push(`takes a comma-separated list of ${count}${entries}`);
	} else if (kind === 'number') {
		clauses.push(`takes ${rule.integer ? 'a whole number' : 'a number'}${rule.min !== undefined && rule.max !== undefined ? ` from ${rule.min} to ${rule.max}` : between(rule.min, rule.max)}`);
	} else if (kind === 'boolean') {
		clauses.push('takes true or false');
	} else if (rule.oneOf) {
		clauses.push(`takes one of ${rule.oneOf.join(', ')}`);
	} else if (rule.url) {
		clauses.push('takes a full http(s) URL');
	} else if (rule.minLength !== undefined || rule.maxLength !== undefined) {
		clauses.push(`takes text${between(rule.minLength, rule.maxLength, ' characters')}`);
	}
	if (rule.pattern && rule.patternHint) clauses.push(rule.patternHint);
	return clauses.length ? clauses.join(' and ') : undefined;
}

/** The checks of a field (of a collection: of each of its options), from its definition and rules. */
function checksOf(field: INodeProperties, topLevel: boolean): FieldCheck[] {
	if (field.type === 'collection') {
		const { atLeastOne } = rulesOf(field);
		const options = (field.options ?? []) as INodeProperties[];
		const targets = options.map(sendTarget).filter((t): t is { type?: string; property: string } => !!t);
		const nonEmpty: FieldCheck[] = atLeastOne
			? [
					function (request) {
						if (targets.some((t) => sentValue(request, t.type, t.property) !== undefined)) return undefined;
						return invalidParameter.call(this, field.displayName, 'is empty', atLeastOne);
					},
				]
			: [];
		// The options' checks first: they drop values that mean "not set".
		return [...options.flatMap((option) => checksOf(option, false)), ...nonEmpty];
	}
	const target = sendTarget(field);
	const derived = fieldRule(field, topLevel);
	if (!target || !derived) return [];
	const { rule, kind } = derived;
	const takes = requirement(rule, kind);
	const fix = `${takes ? `"${rule.label}" ${takes}` : `Set "${rule.label}"`}; nothing was sent to ImagineAnything.`;
	const unsetWhenEmpty = emptyMeansUnset(rule, kind);
	return [
		function (request) {
			const sent = sentIn(request, target.type);
			const value = typed(sent?.[target.property], kind);
			if ('problem' in value) return invalidParameter.call(this, rule.label, value.problem, fix);
			if (value.value === '' && unsetWhenEmpty) value.value = undefined;
			if (sent && target.property in sent) {
				if (value.value === undefined) delete sent[target.property];
				else sent[target.property] = value.value;
			}
			const problem = problemWith(value.value, rule);
			return problem ? invalidParameter.call(this, rule.label, problem, fix) : undefined;
		},
	];
}

/**
 * Checks the request n8n built from an operation's parameters against what its fields declare
 * (required, rules, options) before anything is sent, naming the parameter.
 */
export function checkFields(fields: INodeProperties[]): PreSendAction {
	const checks = fields.flatMap((field) => checksOf(field, true));
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		for (const check of checks) {
			const problem = check.call(this, requestOptions);
			if (problem) throw problem;
		}
		return requestOptions;
	};
}
