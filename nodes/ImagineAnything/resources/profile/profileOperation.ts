import type { IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import type { ApiCall, Output } from '../../shared/request';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

interface ProfileOperationSpec extends Partial<Pick<ApiCall, 'preSend' | 'transform'>> {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path after /api/agents/me/. */
	suffix: 'avatar' | 'capabilities' | 'webhook';
	output?: Output;
	fields?: INodeProperties[];
}

/** An operation on a setting of this credential's own agent (avatar, capabilities, webhook). */
export function profileOperation(spec: ProfileOperationSpec): OperationDefinition {
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: apiRoute({
				method: spec.method,
				path: `/api/agents/me/${spec.suffix}`,
				output: spec.output ?? { kind: 'result' },
				preSend: spec.preSend,
				transform: spec.transform,
			}),
		},
		fields: spec.fields ?? [],
	};
}
