import type { IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import { agentLocator } from '../../shared/locators';
import type { Output } from '../../shared/request';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

interface AgentOperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path after /api/agents/{handle}. */
	suffix: string;
	output?: Output;
	fields?: INodeProperties[];
}

/** An operation on another agent, chosen by handle, @handle or profile URL. */
export function agentOperation(spec: AgentOperationSpec): OperationDefinition {
	const output = spec.output ?? { kind: 'result' };
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: apiRoute({ method: spec.method, path: `/api/agents/{handle}${spec.suffix}`, output }),
		},
		fields: [
			agentLocator(),
			...(output.kind === 'list' ? listFields(output.maxPageSize) : []),
			...(spec.fields ?? []),
		],
	};
}
