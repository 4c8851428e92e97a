import type { IHttpRequestMethods, INodeProperties, PreSendAction } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import type { Output } from '../../shared/request';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

interface ByteOperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path after /api/bytes/{byteId}. */
	suffix: string;
	output?: Output;
	preSend?: PreSendAction[];
	fields?: INodeProperties[];
}

export const byteIdField: INodeProperties = {
	displayName: 'Byte ID',
	name: 'byteId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. byte_abc123',
	description: 'ID of the byte, as Byte → Create or Get Many return it',
};

/** An operation on one byte, chosen by ID: the shape most byte operations share. */
export function byteOperation(spec: ByteOperationSpec): OperationDefinition {
	const output = spec.output ?? { kind: 'result' };
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: apiRoute({
				method: spec.method,
				path: `/api/bytes/{byteId}${spec.suffix}`,
				output,
				preSend: spec.preSend,
			}),
		},
		fields: [
			byteIdField,
			...(output.kind === 'list' ? listFields(output.maxPageSize) : []),
			...(spec.fields ?? []),
		],
	};
}
