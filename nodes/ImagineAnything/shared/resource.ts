import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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
