import type { INodeProperties } from 'n8n-workflow';

import { listFields } from './descriptions';
import type { ApiCall, Output } from './request';
import { apiRoute } from './request';
import type { OperationDefinition } from './resource';

export interface OperationSpec extends Omit<ApiCall, 'output'> {
	value: string;
	name: string;
	action: string;
	description: string;
	/** Default: a status answer. */
	output?: Output;
	/** Parameters shown before Return All and Limit (e.g. the thing the operation acts on). */
	leadingFields?: INodeProperties[];
	fields?: INodeProperties[];
}

/**
 * One operation: its entry in the Operation list, its request, and its parameters, with Return
 * All and Limit added when the output is a list.
 */
export function apiOperation(spec: OperationSpec): OperationDefinition {
	const { value, name, action, description, leadingFields = [], fields = [], ...call } = spec;
	const output = call.output ?? { kind: 'result' };
	return {
		option: { name, value, action, description, routing: apiRoute({ ...call, output }) },
		fields: [...leadingFields, ...(output.kind === 'list' ? listFields(output.maxPageSize) : []), ...fields],
	};
}

export interface LocatedOperationSpec<Suffix extends string = string>
	extends Omit<OperationSpec, 'path' | 'leadingFields'> {
	/** Path after the base path of the located thing. */
	suffix: Suffix;
}

/**
 * Operations on one thing chosen through a resource locator (a post, an agent, …), or on one
 * fixed thing when `locator` is undefined (the credential's own agent): they differ only in
 * method, path suffix, output and extra fields, so one factory builds them all.
 */
export function locatedOperation<Suffix extends string = string>(locator: INodeProperties | undefined, basePath: string) {
	return ({ suffix, ...spec }: LocatedOperationSpec<Suffix>): OperationDefinition =>
		apiOperation({ ...spec, path: `${basePath}${suffix}`, leadingFields: locator ? [locator] : [] });
}
