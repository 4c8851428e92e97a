import type {
	IDisplayOptions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { describeRoute } from './request';

/** One operation: its entry in the Operation list and the parameters it shows. */
export interface OperationDefinition {
	option: INodePropertyOptions & { action: string };
	fields: INodeProperties[];
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
 * The Operation selector of a resource plus every operation's fields, each shown only for its
 * own resource and operation, so operation files never repeat display conditions.
 */
export function defineResource(
	resource: string,
	operations: OperationDefinition[],
	defaultOperation: string,
): INodeProperties[] {
	for (const { option } of operations) describeRoute(option.routing, option.action);
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations
			.map((operation) => operation.option)
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const fields = operations.flatMap((operation) =>
		operation.fields.map((field) =>
			withShow(field, { resource: [resource], operation: [operation.option.value as string] }),
		),
	);
	return [selector, ...fields];
}

/** A resource as the Resource list shows it, with all of its parameters. */
export interface ResourceDefinition {
	name: string;
	value: string;
	description: string;
	properties: INodeProperties[];
}

/**
 * The resources of one area of the API plus the dynamic-option methods they use. The node
 * is assembled from these groups (resources/index.ts).
 */
export interface ResourceGroup {
	resources: ResourceDefinition[];
	listSearch?: Record<
		string,
		(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
	>;
	loadOptions?: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>>;
}
