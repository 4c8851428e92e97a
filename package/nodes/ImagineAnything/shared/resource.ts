import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { describeRoute } from './request';

/** One operation: its entry in the Operation list and the parameters it shows. */
export interface OperationDefinition {
	option: INodePropertyOptions & { action: string };
	fields: INodeProperties[];
	/** What an AI agent is told about the operation as a tool (operation.ts). */
	toolDescription: string;
}

function withShow(field: INodeProperties, show: IDisplayOptions['show']): INodeProperties {
	return {
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...show, ...field.displayOptions?.show },
		},
	};
}

/**
 * The node as a tool of n8n's AI Agent (only there, `@tool`): the description the model reads,
 * per operation and editable. n8n's own would say only "Create a post in ImagineAnything"; with a
 * parameter of this name n8n adds none of its own and hands this one to the model.
 */
function toolDescriptionField(operation: OperationDefinition): INodeProperties {
	const field: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		description: 'What the AI model is told about this tool: what it does and the format of each parameter. Edit it to add your own instructions.',
		displayOptions: { show: { '@tool': [true] } },
	};
	field.default = operation.toolDescription;
	return field;
}

/** A resource: its entry in the Resource list, its operations, and all of its parameters. */
export interface ResourceDefinition {
	name: string;
	value: string;
	description: string;
	/** The operation selected when the resource is chosen. */
	defaultOperation: string;
	operations: OperationDefinition[];
	/** The Operation selector plus every operation's parameters, each shown only for its own operation. */
	properties: INodeProperties[];
}

/**
 * A resource from its operations: the Operation selector (sorted by name) and every operation's
 * fields, each shown only for its own resource and operation, so operation files never repeat
 * display conditions.
 */
export function defineResource(resource: Omit<ResourceDefinition, 'properties'>): ResourceDefinition {
	const { value, operations, defaultOperation } = resource;
	for (const { option } of operations) describeRoute(option.routing, option.action);
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [value] } },
		options: operations.map((operation) => operation.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const shownFor = (operation: OperationDefinition, field: INodeProperties) =>
		withShow(field, { resource: [value], operation: [operation.option.value as string] });
	// The tool descriptions first, in a block of their own, so that each operation's fields keep
	// their order and a parameter several operations share can still be merged into one.
	const toolDescriptions = operations.map((operation) => shownFor(operation, toolDescriptionField(operation)));
	const fields = operations.flatMap((operation) => operation.fields.map((field) => shownFor(operation, field)));
	return { ...resource, properties: [selector, ...toolDescriptions, ...fields] };
}

/** A stable text of a property without the resource/operation it shows for (functions by identity). */
function definitionKey(property: INodeProperties, functionIds: Map<unknown, number>): string {
	const otherShow = { ...property.displayOptions?.show };
	delete otherShow.resource;
	delete otherShow.operation;
	const rest = { ...property, displayOptions: { ...property.displayOptions, show: otherShow } };
	return JSON.stringify(rest, (_key, value: unknown) => {
		if (typeof value !== 'function') return value;
		if (!functionIds.has(value)) functionIds.set(value, functionIds.size + 1);
		return `function#${functionIds.get(value)}`;
	});
}

type Pair = `${string}/${string}`;

function pairsOf(property: INodeProperties): Pair[] {
	const { resource = [], operation = [] } = property.displayOptions?.show ?? {};
	return (resource as string[]).flatMap((r) => (operation as string[]).map((o): Pair => `${r}/${o}`));
}

/** For each resource/operation, the names of the parameters it shows, in order. */
function orderOf(properties: INodeProperties[]): Map<Pair, string> {
	const order = new Map<Pair, string[]>();
	for (const property of properties) for (const pair of pairsOf(property)) order.set(pair, [...(order.get(pair) ?? []), property.name]);
	return new Map([...order].map(([pair, names]) => [pair, names.join(',')]));
}

/**
 * Makes one parameter of the same-named, identically defined parameters of several operations,
 * shown for all of them. n8n resolves every parameter of a given name for every item: sixteen
 * copies of `postId` holding `{{ $json.id }}` meant sixteen evaluations per item. A merge is kept
 * only where it shows the parameter for exactly the operations that had it, in the same place.
 */
export function mergeSharedParameters(properties: INodeProperties[]): INodeProperties[] {
	const operationsOf = new Map<string, Set<string>>();
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			operationsOf.set(resource, new Set((property.options ?? []).map((option) => String((option as { value: unknown }).value))));
		}
	}
	const functionIds = new Map<unknown, number>();
	const groups = new Map<string, number[]>();
	properties.forEach((property, index) => {
		if (property.name === 'operation' || !property.displayOptions?.show?.operation) return;
		const key = `${property.name}|${definitionKey(property, functionIds)}`;
		groups.set(key, [...(groups.get(key) ?? []), index]);
	});
	let result = [...properties];
	const expectedOrder = orderOf(properties);
	/** Merges `members` into the first of them, if that shows exactly their operations in the same place. */
	const tryMerge = (members: INodeProperties[]): boolean => {
		const wanted = new Set(members.flatMap(pairsOf));
		const resources = [...new Set(members.flatMap((m) => (m.displayOptions?.show?.resource ?? []) as string[]))];
		const operations = [...new Set(members.flatMap((m) => (m.displayOptions?.show?.operation ?? []) as string[]))];
		const shown = resources.flatMap((r) => operations.filter((o) => operationsOf.get(r)?.has(o)).map((o): Pair => `${r}/${o}`));
		if (shown.length !== wanted.size || !shown.every((pair) => wanted.has(pair))) return false;
		const merged: INodeProperties = {
			...members[0],
			displayOptions: { ...members[0].displayOptions, show: { ...members[0].displayOptions?.show, resource: resources, operation: operations } },
		};
		const candidate = result.map((p) => (p === members[0] ? merged : p)).filter((p) => !members.slice(1).includes(p));
		const order = orderOf(candidate);
		if ([...wanted].some((pair) => order.get(pair) !== expectedOrder.get(pair))) return false;
		result = candidate;
		return true;
	};
	for (const indexes of groups.values()) {
		if (indexes.length < 2) continue;
		const members = indexes.map((i) => properties[i]);
		if (tryMerge(members)) continue;
		// Across resources the operations may not line up: one parameter per resource then.
		const byResource = new Map<string, INodeProperties[]>();
		for (const member of members) {
			const key = JSON.stringify(member.displayOptions?.show?.resource ?? []);
			byResource.set(key, [...(byResource.get(key) ?? []), member]);
		}
		for (const group of byResource.values()) if (group.length > 1) tryMerge(group);
	}
	return result;
}
