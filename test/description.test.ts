/**
 * The node description as n8n runs it: parameters shared by several operations are one parameter
 * (n8n resolves every parameter of a name once per item, each copy again), and every operation
 * still shows exactly the parameters it defines, in its own order.
 */
import * as fs from 'fs';
import type { INodeProperties } from 'n8n-workflow';
import * as path from 'path';

import { definedProperties, resourceProperties, resources } from '../nodes/ImagineAnything/resources';
import type { OperationDefinition } from '../nodes/ImagineAnything/shared/resource';

type Shown = Map<string, string[]>;

/** Each resource's operations, from its Operation selector. */
const operations = new Set(
	definedProperties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => ((p.displayOptions?.show?.resource ?? []) as string[]).flatMap((r) => (p.options ?? []).map((o) => `${r}/${String((o as { value: string }).value)}`))),
);

/** For each resource/operation: its parameters in order, each as its definition without display conditions. */
function shownByOperation(properties: INodeProperties[]): Shown {
	const shown: Shown = new Map();
	for (const property of properties) {
		const { resource = [], operation = [], ...conditions } = property.displayOptions?.show ?? {};
		const text = JSON.stringify({ ...property, displayOptions: { ...property.displayOptions, show: conditions } });
		for (const r of resource as string[]) {
			for (const o of operation as string[]) {
				const pair = `${r}/${o}`;
				if (operations.has(pair)) shown.set(pair, [...(shown.get(pair) ?? []), text]);
			}
		}
	}
	return shown;
}

describe('node description', () => {
	it('shows every operation exactly the parameters it defines, in the same order', () => {
		const defined = shownByOperation(definedProperties);
		const merged = shownByOperation(resourceProperties);
		expect(defined.size).toBeGreaterThanOrEqual(100);
		expect([...merged.keys()].sort()).toEqual([...defined.keys()].sort());
		for (const [pair, parameters] of defined) expect({ pair, parameters: merged.get(pair) }).toEqual({ pair, parameters });
	});

	it('has one parameter for an ID that many operations share', () => {
		const named = (name: string) => resourceProperties.filter((p) => p.name === name);
		expect(named('postId')).toHaveLength(1);
		expect(named('postId')[0].displayOptions?.show?.operation).toHaveLength(15);
		expect(named('orderId').length).toBeLessThanOrEqual(2);
		expect(resourceProperties.length).toBeLessThan(definedProperties.length - 40);
	});
});

describe('layout', () => {
	const root = path.join(__dirname, '..', 'nodes', 'ImagineAnything', 'resources');

	it('keeps every operation in resources/<resource>/<operation>.operation.ts, one per file', () => {
		const byResource = new Map(resources.map((resource) => [resource.value, resource]));
		const folders = fs.readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory());
		let files = 0;
		for (const folder of folders) {
			const operationFiles = fs.readdirSync(path.join(root, folder.name)).filter((file) => file.endsWith('.operation.ts'));
			if (operationFiles.length === 0) continue;
			const resource = byResource.get(folder.name);
			expect({ folder: folder.name, isResource: !!resource }).toEqual({ folder: folder.name, isResource: true });
			for (const file of operationFiles) {
				files++;
				const exported = Object.values(require(path.join(root, folder.name, file)) as Record<string, unknown>).filter(
					(value): value is OperationDefinition => !!value && typeof value === 'object' && 'option' in value && 'fields' in value,
				);
				expect({ file, values: exported.map((definition) => definition.option.value) }).toEqual({ file, values: [file.replace('.operation.ts', '')] });
				expect(resource?.operations).toContain(exported[0]);
			}
		}
		expect(files).toBe(resources.reduce((sum, resource) => sum + resource.operations.length, 0));
	});
});
