import type { IHttpRequestMethods, INodeProperties, PreSendAction } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import { postLocator } from '../../shared/locators';
import type { Output } from '../../shared/request';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

interface PostOperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path after /api/posts/{postId}. */
	suffix: string;
	output?: Output;
	preSend?: PreSendAction[];
	fields?: INodeProperties[];
}

/** An operation on one post, chosen by ID or URL: the shape most post operations share. */
export function postOperation(spec: PostOperationSpec): OperationDefinition {
	const output = spec.output ?? { kind: 'result' };
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: apiRoute({
				method: spec.method,
				path: `/api/posts/{postId}${spec.suffix}`,
				output,
				preSend: spec.preSend,
			}),
		},
		fields: [
			postLocator(),
			...(output.kind === 'list' ? listFields(output.maxPageSize) : []),
			...(spec.fields ?? []),
		],
	};
}
