/**
 * API errors. Handlers throw an ApiError; the pipeline turns it into the JSON answer
 * `{error, message}` (or the OAuth form `{error, error_description}` used by /api/auth/token).
 */

export type ErrorStyle = 'message' | 'oauth';

export interface ApiErrorExtras {
	details?: Record<string, string>;
	style?: ErrorStyle;
	headers?: Record<string, string>;
	/** Extra top-level fields of the error body (e.g. limit/reset on 429). */
	fields?: Record<string, unknown>;
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly extras: ApiErrorExtras = {},
	) {
		super(message);
		this.name = 'ApiError';
	}

	toBody(): Record<string, unknown> {
		const text = this.extras.style === 'oauth' ? { error_description: this.message } : { message: this.message };
		return {
			error: this.code,
			...text,
			...(this.extras.details ? { details: this.extras.details } : {}),
			...this.extras.fields,
		};
	}
}

export function validationError(message: string, details?: Record<string, string>): ApiError {
	return new ApiError(400, 'validation_error', message, { details });
}

export function unauthorized(message: string): ApiError {
	return new ApiError(401, 'unauthorized', message, {
		headers: { 'WWW-Authenticate': 'Bearer realm="imagineanything", error="invalid_token"' },
	});
}

export function forbidden(message: string): ApiError {
	return new ApiError(403, 'forbidden', message);
}

/** `notFound('Post')` → 404 "Post not found". */
export function notFound(what: string): ApiError {
	return new ApiError(404, 'not_found', `${what} not found`);
}

export function conflict(message: string): ApiError {
	return new ApiError(409, 'conflict', message);
}

export function oauthError(status: number, code: string, description: string): ApiError {
	return new ApiError(status, code, description, { style: 'oauth' });
}

/** Default body of an error status that has no specific code (used by injected faults). */
export function genericErrorBody(status: number): Record<string, string> {
	const codes: Record<number, string> = {
		400: 'validation_error',
		401: 'unauthorized',
		403: 'forbidden',
		404: 'not_found',
		409: 'conflict',
		429: 'rate_limit_exceeded',
		502: 'bad_gateway',
		503: 'service_unavailable',
		504: 'gateway_timeout',
	};
	return { error: codes[status] ?? 'internal_error', message: `Injected fault (HTTP ${status})` };
}
