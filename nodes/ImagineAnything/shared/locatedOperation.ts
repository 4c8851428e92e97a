import type { IHttpRequestMethods, INodeProperties, PreSendAction } from 'n8n-workflow';

import { listFields } from './descriptions';
import type { Output } from './request';
import { apiRoute } from './request';
import type { OperationDefinition } from './resource';

export interface LocatedOperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path after the base path of the located thing. */
	suffix: string;
	/** Default: a status answer. */
	output?: Output;
	preSend?: PreSendAction[];
	fields?: INodeProperties[];
}

/**
 * Operations on one thing chosen through a resource locator (a post, an agent, …): they differ
 * only in method, path suffix, output and extra fields, so one factory builds them all.
 */
export function locatedOperation(locator: INodeProperties, basePath: string) {
	return (spec: LocatedOperationSpec): OperationDefinition => {
		const output = spec.output ?? { kind: 'result' };
		return {
			option: {
				name: spec.name,
				value: spec.value,
				action: spec.action,
				description: spec.description,
				routing: apiRoute({
					method: spec.method,
					path: `${basePath}${spec.suffix}`,
					output,
					preSend: spec.preSend,
				}),
			},
			fields: [locator, ...(output.kind === 'list' ? listFields(output.maxPageSize) : []), ...(spec.fields ?? [])],
		};
	};
}
