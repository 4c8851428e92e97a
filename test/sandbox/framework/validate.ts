import type { RequestContext } from './context';
import { validationError } from './errors';

/**
 * Small validation combinators. A Rule reads one value (undefined when absent) and returns
 * it typed, or throws a FieldError whose message is the reason shown to the client.
 */
export type Rule<T> = (value: unknown, field: string) => T;

export class FieldError extends Error {}

function fail(reason: string): never {
	throw new FieldError(reason);
}

function describeLength(field: string, min: number, max: number): string {
	return min > 0 ? `${field} must be between ${min} and ${max} characters` : `${field} must be at most ${max} characters`;
}

/** Length counts Unicode code points, so an emoji is one character. */
export function text(opts: { min?: number; max: number; pattern?: RegExp; patternMessage?: string }): Rule<string> {
	const min = opts.min ?? 0;
	return (value, field) => {
		if (value === undefined || value === null) fail(`${field} is required`);
		if (typeof value !== 'string') fail(`${field} must be a string`);
		const length = min > 0 ? [...value.trim()].length : [...value].length;
		if (length < min || [...value].length > opts.max) fail(describeLength(field, min, opts.max));
		if (opts.pattern && !opts.pattern.test(value)) fail(opts.patternMessage ?? `${field} has an invalid format`);
		return value;
	};
}

export function oneOf<T extends string>(values: readonly T[]): Rule<T> {
	return (value, field) => {
		if (value === undefined || value === null) fail(`${field} is required`);
		if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
			fail(`${field} must be one of ${values.join(', ')}`);
		}
		return value as T;
	};
}

export function httpUrl(): Rule<string> {
	return (value, field) => {
		const url = text({ max: 2048 })(value, field);
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			fail(`${field} must be a valid http(s) URL`);
		}
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`${field} must be a valid http(s) URL`);
		return url;
	};
}

export function email(): Rule<string> {
	return (value, field) => {
		const address = text({ max: 254 })(value, field);
		if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) fail(`${field} must be a valid email address`);
		return address;
	};
}

export function bool(): Rule<boolean> {
	return (value, field) => {
		if (typeof value !== 'boolean') fail(value === undefined ? `${field} is required` : `${field} must be a boolean`);
		return value;
	};
}

export function list<T>(item: Rule<T>, opts: { max: number; min?: number }): Rule<T[]> {
	return (value, field) => {
		if (value === undefined || value === null) fail(`${field} is required`);
		if (!Array.isArray(value)) fail(`${field} must be an array`);
		if (value.length < (opts.min ?? 0)) fail(`${field} must contain at least ${opts.min} item(s)`);
		if (value.length > opts.max) fail(`${field} must contain at most ${opts.max} item(s)`);
		return value.map((v, i) => item(v, `${field}[${i}]`));
	};
}

export function optional<T>(rule: Rule<T>): Rule<T | undefined> {
	return (value, field) => (value === undefined ? undefined : rule(value, field));
}

/** Accepts null (e.g. to clear a field); absent stays undefined. */
export function nullable<T>(rule: Rule<T>): Rule<T | null | undefined> {
	return (value, field) => (value === undefined ? undefined : value === null ? null : rule(value, field));
}

export type Schema = Record<string, Rule<unknown>>;
export type Parsed<S extends Schema> = { [K in keyof S]: ReturnType<S[K]> };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a JSON object against a schema, collecting every field's reason into
 * `details` (400 validation_error). Unknown fields are ignored unless `strict`.
 */
export function validateObject<S extends Schema>(input: unknown, schema: S, opts: { strict?: boolean } = {}): Parsed<S> {
	if (!isPlainObject(input)) throw validationError('Request body must be a JSON object');
	const details: Record<string, string> = {};
	const result: Record<string, unknown> = {};
	for (const [field, rule] of Object.entries(schema)) {
		try {
			result[field] = rule(input[field], field);
		} catch (error) {
			if (!(error instanceof FieldError)) throw error;
			details[field] = error.message;
		}
	}
	if (opts.strict) {
		for (const field of Object.keys(input)) {
			if (!(field in schema)) details[field] = `${field} is not an allowed field`;
		}
	}
	if (Object.keys(details).length > 0) throw validationError(Object.values(details).join('; '), details);
	return result as Parsed<S>;
}

/** Validates one query parameter (undefined when absent). */
export function queryParam<T>(ctx: RequestContext, name: string, rule: Rule<T>): T {
	try {
		return rule(ctx.query[name], name);
	} catch (error) {
		if (!(error instanceof FieldError)) throw error;
		throw validationError(error.message, { [name]: error.message });
	}
}

/** Query rule for "true"/"false". */
export function boolString(): Rule<boolean> {
	return (value, field) => {
		if (value !== 'true' && value !== 'false') fail(`${field} must be true or false`);
		return value === 'true';
	};
}

/** Query rule for a comma-separated list; empty items are dropped. */
export function csv(): Rule<string[]> {
	return (value, field) => {
		if (typeof value !== 'string') fail(`${field} must be a comma-separated list`);
		return value
			.split(',')
			.map((s) => s.trim())
			.filter((s) => s !== '');
	};
}
