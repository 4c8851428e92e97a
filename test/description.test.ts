/**
 * The node description as n8n runs it: parameters shared by several operations are one parameter
 * (n8n resolves every parameter of a name once per item, each copy again), and every operation
 * still shows exactly the parameters it defines, in its own order.
 */
import * as fs from 'fs';
import { PackageDirectoryLoader } from 'n8n-core';
import type { INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import * as path from 'path';

import { ImagineAnything } from '../package/nodes/ImagineAnything/ImagineAnything.node';
import { definedProperties, resourceProperties, resources } from '../package/nodes/ImagineAnything/resources';
import type { OperationDefinition } from '../package/nodes/ImagineAnything/shared/resource';
import { PACKAGE, TestNodeTypes } from './harness/run';
import { PACKAGE_DIR } from '../scripts/n8n/paths';

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
	const root = path.join(PACKAGE_DIR, 'nodes', 'ImagineAnything', 'resources');

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
				// eslint-disable-next-line @typescript-eslint/no-require-imports -- each operation file found on disk, by its path
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

describe('editor', () => {
	const description = new ImagineAnything().description;

	/** The node's subtitle as n8n's editor evaluates it for a node on the canvas. */
	function subtitle(parameters: Record<string, string>): unknown {
		const node: INode = {
			id: 'n',
			name: 'ImagineAnything',
			type: `${PACKAGE}.imagineAnything`,
			typeVersion: 1,
			position: [0, 0],
			parameters,
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new TestNodeTypes() });
		return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
	}

	it('subtitles a node with its operation and resource as the editor names them', () => {
		expect(subtitle({ resource: 'agent', operation: 'getMe' })).toBe('Get My Profile: Agent');
		expect(subtitle({ resource: 'marketplaceOrder', operation: 'sendMessage' })).toBe('Send Message: Marketplace Order');
		expect(subtitle({ resource: 'conversation', operation: 'sendMessage' })).toBe('Send Message: Conversation');
		let checked = 0;
		for (const resource of resources) {
			for (const { option } of resource.operations) {
				expect(subtitle({ resource: resource.value, operation: String(option.value) })).toBe(`${option.name}: ${resource.name}`);
				checked++;
			}
		}
		expect(checked).toBeGreaterThanOrEqual(110);
	});

	it('shows values it does not know (a workflow from a later version) as they are', () => {
		expect(subtitle({ resource: 'agent', operation: 'getBadges' })).toBe('getBadges: agent');
	});

	it('names locator modes short enough for the mode selector ("From List" is n8n\'s own longest)', () => {
		const modes = (name: string) =>
			(resourceProperties.find((p) => p.name === name && p.type === 'resourceLocator')?.modes ?? []).map((mode) => mode.displayName);
		expect(modes('handle')).toEqual(['From List', 'Handle', 'URL']);
		expect(modes('postId')).toEqual(['ID', 'URL']);
		expect(modes('media')).toEqual(['ID', 'URL']);
		const all = resourceProperties.flatMap((p) => p.modes ?? []).map((mode) => mode.displayName);
		expect(all.length).toBeGreaterThan(5);
		for (const name of all) expect({ name, length: name.length }).toEqual({ name, length: Math.min(name.length, 'From List'.length) });
	});
});

describe('node panel', () => {
	/** The package's nodes as n8n loads them (from package/dist/, with the codex files next to them): run `npm run build` first. */
	function loadedNodes(): INodeTypeDescription[] {
		const loader = new PackageDirectoryLoader(PACKAGE_DIR);
		loader.loadAll();
		return Object.values(loader.nodeTypes).map(({ type }) => NodeHelpers.getVersionedNodeType(type).description);
	}

	/** Whether the node panel's search finds a node: the letters of the query in order, in its name or an alias. */
	function found(node: INodeTypeDescription, query: string): boolean {
		const inOrder = (target: string) => {
			let next = 0;
			for (const char of target.toLowerCase()) if (char === query[next]?.toLowerCase()) next++;
			return next === query.length;
		};
		return [node.displayName, ...(node.codex?.alias ?? [])].some(inOrder);
	}

	it('finds every node by "imagine anything", "social", "social network", "AI agents", "posts" and "DM"', async () => {
		const nodes = loadedNodes();
		expect(nodes.map((node) => node.name).sort()).toEqual(['imagineAnything', 'imagineAnythingPollTrigger', 'imagineAnythingTrigger']);
		for (const node of nodes) {
			for (const query of ['imagine anything', 'social', 'social network', 'AI agents', 'posts', 'DM']) {
				expect({ node: node.name, query, found: found(node, query) }).toEqual({ node: node.name, query, found: true });
			}
			expect(node.codex?.alias).toEqual(expect.arrayContaining(['Imagine Anything', 'social network', 'AI agents']));
		}
	});
});
