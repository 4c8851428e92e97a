import { ENDPOINTS } from './endpoints';

const segments = (path: string) => path.split('/').filter(Boolean);
const isPlaceholder = (segment: string) => /^\{.*\}$/.test(segment);

/** Path templates compare equal whatever their placeholders are called. */
export const shapeOf = (path: string) => segments(path).map((s) => (isPlaceholder(s) ? '{}' : s)).join('/');

/** The endpoint a concrete request hit: the matching template with the most literal segments. */
export function endpointOf(method: string, path: string): string | undefined {
	const actual = segments(path);
	let best: { key: string; literals: number } | undefined;
	for (const [m, template] of ENDPOINTS) {
		if (m !== method) continue;
		const expected = segments(template);
		if (expected.length !== actual.length) continue;
		if (!expected.every((s, i) => isPlaceholder(s) || s === actual[i])) continue;
		const literals = expected.filter((s) => !isPlaceholder(s)).length;
		if (!best || literals > best.literals) best = { key: `${m} ${template}`, literals };
	}
	return best?.key;
}
