/** Errors this package built (for the user), told apart from what the network or n8n threw. */
const packageErrors = new WeakSet<object>();

export function packageError<E extends Error>(error: E): E {
	packageErrors.add(error);
	return error;
}

export function isPackageError(error: unknown): boolean {
	return typeof error === 'object' && error !== null && packageErrors.has(error);
}
