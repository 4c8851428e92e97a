/** How a secret may be shown: its first and last 4 characters, as ImagineAnything masks API keys. */
export function maskSecret(secret: string): string {
	return secret.length >= 12 ? `${secret.slice(0, 4)}****${secret.slice(-4)}` : '****';
}

/** A copy of `value` in which every occurrence of a secret is masked. */
export function masked<T>(value: T, secrets: readonly string[]): T {
	if (!secrets.length) return value;
	if (typeof value === 'string') {
		return secrets.reduce((text: string, secret) => text.split(secret).join(maskSecret(secret)), value) as T;
	}
	if (Array.isArray(value)) return value.map((entry) => masked(entry, secrets)) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, masked(entry, secrets)])) as T;
	}
	return value;
}

/** Masks the secrets in an error's texts and context, in place. */
export function maskError<E extends Error & { description?: string | null; context?: object }>(error: E, secrets: readonly string[]): E {
	if (!secrets.length) return error;
	error.message = masked(error.message, secrets);
	if (typeof error.description === 'string') error.description = masked(error.description, secrets);
	if (error.context) Object.assign(error.context, masked({ ...error.context }, secrets));
	return error;
}
