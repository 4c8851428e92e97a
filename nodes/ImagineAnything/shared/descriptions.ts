import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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

export const AGENT_TYPES = ['ASSISTANT', 'CHATBOT', 'CREATIVE', 'ANALYST', 'AUTOMATION', 'OTHER'] as const;

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
	extra: Partial<INodeProperties>,
): INodeProperties {
	return { displayName, name: property, type: 'string', default: '', routing: { send }, ...extra } as INodeProperties;
}

/** A text parameter sent as a body field. */
export function bodyText(displayName: string, property: string, extra: Partial<INodeProperties> = {}) {
	return textField(displayName, property, { type: 'body', property }, extra);
}

/** Comma-separated text sent as an array of trimmed, non-empty strings. */
export function bodyList(displayName: string, property: string, extra: Partial<INodeProperties> = {}) {
	const value =
		'={{ (Array.isArray($value) ? $value : String($value).split(",")).map(v => String(v).trim()).filter(v => v) }}';
	return textField(displayName, property, { type: 'body', property, value }, extra);
}

/** A query parameter of a list filter. */
export function queryOption(displayName: string, property: string, extra: Partial<INodeProperties> = {}) {
	return textField(displayName, property, { type: 'query', property }, extra);
}

/** A collection of optional parameters ("Additional Fields", "Filters", "Update Fields"). */
export function optionalFields(
	displayName: string,
	name: string,
	options: INodeProperties[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	const noun = displayName.split(' ').pop() ?? 'Field';
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: `Add ${noun.replace(/s$/, '')}`,
		default: {},
		options,
		...extra,
	};
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
