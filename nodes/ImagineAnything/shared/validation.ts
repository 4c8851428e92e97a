import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rulesOf, type FieldRules } from './descriptions';

/** What problemWith checks: a field's rules, its label, whether it is required and its options' values. */
type FieldRule = FieldRules & { label: string; required?: boolean; oneOf?: readonly string[] };

/** A full http(s) URL. */
export const HTTP_URL = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

function problemWith(value: unknown, rule: FieldRule): string | undefined {
	const empty = value === undefined || value === null || value === '';
	if (empty || (Array.isArray(value) && value.length === 0)) {
		return rule.required ? 'is required' : undefined;
	}
	if (Array.isArray(value)) {
		if (rule.maxItems !== undefined && value.length > rule.maxItems) {
			return `takes at most ${rule.maxItems} entries (it has ${value.length})`;
		}
		return undefined;
	}
	if (typeof value === 'string') {
		const length = [...value].length;
		if (rule.minLength !== undefined && length < rule.minLength) {
			return `must be at least ${rule.minLength} characters (it has ${length})`;
		}
		if (rule.maxLength !== undefined && length > rule.maxLength) {
			return `must be at most ${rule.maxLength} characters (it has ${length})`;
		}
		if (rule.pattern && !rule.pattern.test(value)) return rule.patternHint ?? `must match ${String(rule.pattern)}`;
		if (rule.oneOf && !rule.oneOf.includes(value)) return `must be one of ${rule.oneOf.join(', ')} (got "${value}")`;
		if (rule.url && !HTTP_URL.test(value)) return 'must be a full http(s) URL';
	}
	if (rule.integer || rule.min !== undefined || rule.max !== undefined) {
		const number = Number(value);
		if (Number.isNaN(number)) return 'must be a number';
		if (rule.integer && !Number.isInteger(number)) return `must be a whole number (got ${String(value)})`;
		if (rule.min !== undefined && number < rule.min) return `must be at least ${rule.min} (got ${number})`;
		if (rule.max !== undefined && number > rule.max) return `must be at most ${rule.max} (got ${number})`;
	}
	return undefined;
}

export function invalidParameter(
	this: IExecuteSingleFunctions,
	label: string,
	problem: string,
	description?: string,
): NodeOperationError {
	const itemIndex = this.getItemIndex();
	return new NodeOperationError(this.getNode(), `"${label}" ${problem} (item ${itemIndex})`, {
		itemIndex,
		description: description ?? `Correct "${label}" for item ${itemIndex}; nothing was sent to ImagineAnything.`,
	});
}

/** One field's check: a problem with the request as built, or undefined. */
type FieldCheck = (this: IExecuteSingleFunctions, request: IHttpRequestOptions) => NodeOperationError | undefined;

function sentValue(request: IHttpRequestOptions, type: string | undefined, property: string): unknown {
	const target = (type === 'query' ? request.qs : request.body) as IDataObject | undefined;
	return target && typeof target === 'object' && !Buffer.isBuffer(target) ? target[property] : undefined;
}

/** Where a field is sent: a plain body or query property (not computed by an expression). */
function sendTarget(field: INodeProperties): { type?: string; property: string } | undefined {
	const send = field.routing?.send;
	if (!send || typeof send.property !== 'string' || send.property.startsWith('=')) return undefined;
	return { type: send.type, property: send.property };
}

/** The checks of a field (of a collection: of each of its options), from its definition and rules. */
function checksOf(field: INodeProperties, topLevel: boolean): FieldCheck[] {
	const rules = rulesOf(field);
	if (field.type === 'collection') {
		const options = (field.options ?? []) as INodeProperties[];
		const targets = options.map(sendTarget).filter((t): t is { type?: string; property: string } => !!t);
		const nonEmpty: FieldCheck[] = rules.atLeastOne
			? [
					function (request) {
						if (targets.some((t) => sentValue(request, t.type, t.property) !== undefined)) return undefined;
						return invalidParameter.call(this, field.displayName, 'is empty', rules.atLeastOne);
					},
				]
			: [];
		return [...nonEmpty, ...options.flatMap((option) => checksOf(option, false))];
	}
	const target = sendTarget(field);
	if (!target) return [];
	// A field shown only under a condition of its own (another parameter's value) may rightly be absent.
	const conditional = Object.keys(field.displayOptions?.show ?? {}).some((key) => key !== 'resource' && key !== 'operation');
	const rule: FieldRule = { label: field.displayName, required: topLevel && field.required === true && !conditional, ...rules };
	const options = field.options as Array<{ value?: unknown }> | undefined;
	if (field.type === 'options' && !rules.otherValues && !field.typeOptions?.loadOptionsMethod && options?.length) {
		rule.oneOf = options.map((option) => String(option.value));
	}
	const { label, ...checked } = rule;
	if (!Object.values(checked).some((value) => value !== undefined && value !== false)) return [];
	return [
		function (request) {
			const problem = problemWith(sentValue(request, target.type, target.property), rule);
			return problem ? invalidParameter.call(this, label, problem) : undefined;
		},
	];
}

/**
 * Checks the request n8n built from an operation's parameters against what its fields declare
 * (required, rules, options) before anything is sent, naming the parameter and the item.
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
