import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ImagineAnything } from '../../package/nodes/ImagineAnything/ImagineAnything.node';
import { ENDPOINTS } from './endpoints';
import { endpointOf, shapeOf } from './match';
import { RUNS_DIR, type OperationRun } from './recorder';

/** Every (resource, operation) the node offers with the request its routing declares. */
function declaredOperations() {
	const description = new ImagineAnything().description;
	return description.properties
		.filter((p: INodeProperties) => p.name === 'operation')
		.flatMap((p: INodeProperties) =>
			(p.options as INodePropertyOptions[]).map((option) => ({
				resource: String(p.displayOptions?.show?.resource?.[0]),
				operation: String(option.value),
				method: String(option.routing?.request?.method ?? ''),
				path: String(option.routing?.request?.url ?? ''),
			})),
		);
}

function recordedRuns(): OperationRun[] {
	if (!existsSync(RUNS_DIR)) return [];
	return readdirSync(RUNS_DIR)
		.filter((f) => f.endsWith('.jsonl'))
		.flatMap((f) => readFileSync(join(RUNS_DIR, f), 'utf8').split('\n').filter(Boolean))
		.map((line) => JSON.parse(line) as OperationRun);
}

// Runs after the main suites (scripts/test.sh), reading what their engine runs sent to the sandbox.
describe('endpoint coverage', () => {
	const operations = declaredOperations();
	const runs = recordedRuns();
	const exercised = new Set(runs.map((r) => endpointOf(r.method, r.path)).filter(Boolean));

	it(`lists each of its ${ENDPOINTS.length} endpoints once`, () => {
		expect(ENDPOINTS.length).toBeGreaterThanOrEqual(104);
		expect(new Set(ENDPOINTS.map(([m, p]) => `${m} ${p}`)).size).toBe(ENDPOINTS.length);
	});

	it('lists the endpoint of every operation', () => {
		const listed = new Set(ENDPOINTS.map(([method, path]) => `${method} ${shapeOf(path)}`));
		const unlisted = operations.filter((o) => !listed.has(`${o.method} ${shapeOf(o.path)}`)).map((o) => `${o.resource} → ${o.operation}: ${o.method} ${o.path}`);
		expect(unlisted).toEqual([]);
	});

	it.each(ENDPOINTS.map(([method, path]) => [`${method} ${path}`, method, path]))(
		'%s has an operation and a passing end-to-end run',
		(key, method, path) => {
			const offering = operations.filter((o) => o.method === method && shapeOf(o.path) === shapeOf(path));
			expect(offering.map((o) => `${o.resource} → ${o.operation}`)).not.toEqual([]);
			expect(exercised.has(key) ? key : `${key} was never sent successfully by an engine run`).toBe(key);
		},
	);
});
