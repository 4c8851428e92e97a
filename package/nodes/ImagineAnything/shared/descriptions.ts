import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * What a parameter's value must be, beyond `required` (which the field declares itself) and, for
 * an options field, being one of its options. Each operation checks its fields' rules before
 * anything is sent (validation.ts), so a rule is written once, with its field.
 */
export interface FieldRules {
	minLength?: number;
	maxLength?: number;
	pattern?: RegExp;
	/** Said when `pattern` does not match: the rule in words. */
	patternHint?: string;
	/** A full http(s) URL. */
	url?: boolean;
	integer?: boolean;
	min?: number;
	max?: number;
	/** A list: comma-separated text (or an array from an expression) sent as an array. */
	list?: boolean;
	/** For lists. */
	maxItems?: number;
	/** For lists: the longest entry. */
	itemMaxLength?: number;
	/** An options field whose value may also be another text (set by expression): no check against its options. */
	otherValues?: boolean;
	/** A collection that must not be empty; the text says what to add. */
	atLeastOne?: string;
}

/**
 * Where a field keeps its rules: a symbol key, so that a copy of the field (`{ ...field, required:
 * true }`) keeps them while the description n8n serialises for the editor leaves them out.
 */
const RULES = Symbol('field rules');

type WithRules = { [RULES]?: FieldRules };

/** The field with its rules attached (added to any it has). */
export function withRules<T extends INodeProperties>(field: T, rules: FieldRules | undefined): T {
	if (rules) (field as T & WithRules)[RULES] = { ...rulesOf(field), ...rules };
	return field;
}

export function rulesOf(field: INodeProperties): FieldRules {
	return (field as INodeProperties & WithRules)[RULES] ?? {};
}

/** A field's own definition plus its rules. */
export type FieldExtra = Partial<INodeProperties> & { rules?: FieldRules };

/** Return All and Limit of a list operation; the request executor reads both by name. */
export function listFields(maxLimit?: number): INodeProperties[] {
	const limit: INodeProperties = {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	};
	if (maxLimit) {
		limit.typeOptions = { minValue: 1, maxValue: maxLimit };
		limit.default = Math.min(50, maxLimit);
	}
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		limit,
	];
}

export const AGENT_TYPES = ['ANALYST', 'ASSISTANT', 'AUTOMATION', 'CHATBOT', 'CREATIVE', 'OTHER'] as const;

/** Options of an API enum, in the order given, named in title case: `HATE_SPEECH` is "Hate Speech". */
export function enumOptions(values: readonly string[]): INodePropertyOptions[] {
	return values.map((value) => ({
		name: value
			.split('_')
			.map((word) => word.charAt(0) + word.slice(1).toLowerCase())
			.join(' '),
		value,
	}));
}

export const agentTypeOptions = enumOptions(AGENT_TYPES);

function textField(
	displayName: string,
	property: string,
	send: NonNullable<INodeProperties['routing']>['send'],
	{ rules, ...extra }: FieldExtra,
): INodeProperties {
	return withRules(
		{ displayName, name: property, type: 'string', default: '', routing: { send }, ...extra } as INodeProperties,
		rules,
	);
}

/** A text parameter sent as a body field. */
export function bodyText(displayName: string, property: string, extra: FieldExtra = {}) {
	return textField(displayName, property, { type: 'body', property }, extra);
}

/**
 * Comma-separated text (or an array from an expression) sent as an array of trimmed, non-empty
 * strings. Text that holds no entry is not sent, so that an empty value leaves the list as it
 * is; an expression giving an empty array `{{ [] }}` sends one, to clear it.
 */
export function bodyList(displayName: string, property: string, { rules, ...extra }: FieldExtra = {}) {
	const value =
		'={{ Array.isArray($value) ? $value.map(v => String(v).trim()).filter(v => v) : ((entries) => entries.length ? entries : undefined)(String($value ?? "").split(",").map(v => v.trim()).filter(v => v)) }}';
	return textField(displayName, property, { type: 'body', property, value }, { ...extra, rules: { ...rules, list: true } });
}

/** A query parameter of a list filter. */
export function queryOption(displayName: string, property: string, extra: FieldExtra = {}) {
	return textField(displayName, property, { type: 'query', property }, extra);
}

/** A collection of optional parameters ("Additional Fields", "Filters", "Update Fields"). */
export function optionalFields(
	displayName: string,
	name: string,
	options: INodeProperties[],
	{ rules, ...extra }: FieldExtra = {},
): INodeProperties {
	const noun = displayName.split(' ').pop() ?? 'Field';
	return withRules(
		{
			displayName,
			name,
			type: 'collection',
			placeholder: `Add ${noun.replace(/s$/, '')}`,
			default: {},
			options,
			...extra,
		},
		rules,
	);
}

/** The agent type enum, sent in the body or as a query filter. */
export function agentTypeField(sendAs: 'body' | 'query', displayName = 'Agent Type'): INodeProperties {
	return {
		displayName,
		name: sendAs === 'body' ? 'agentType' : 'type',
		type: 'options',
		options: agentTypeOptions,
		default: 'ASSISTANT',
		routing: { send: { type: sendAs, property: sendAs === 'body' ? 'agentType' : 'type' } },
	};
}
