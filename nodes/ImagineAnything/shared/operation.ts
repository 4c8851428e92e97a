import type { INodeProperties, PreSendAction } from 'n8n-workflow';

import { apiRoute, type ApiCall, type Output } from './request';
import type { OperationDefinition } from './resource';
import { checkFields, sentFieldLabels } from './validation';

export interface OperationSpec extends Omit<ApiCall, 'output' | 'preSend'> {
	/** The operation's value in workflows; its file is `<value>.operation.ts`. */
	value: string;
	name: string;
	action: string;
	description: string;
	/** Default: a status answer. */
	output?: Output;
	/** The parameters, in the order the editor shows them; list operations include listFields(). */
	fields?: INodeProperties[];
	/**
	 * Steps before sending, after the fields' own checks: checks that involve several parameters,
	 * and shaping the request (e.g. building a multipart body).
	 */
	preSend?: PreSendAction[];
}

/**
 * The one way to define an operation: its entry in the Operation list, its request and its
 * parameters. The request is checked against the fields' declarations (required, rules, options)
 * before anything is sent, then goes through the transport.
 */
export function defineOperation(spec: OperationSpec): OperationDefinition {
	const { value, name, action, description, fields = [], preSend = [], output = { kind: 'result' }, ...call } = spec;
	return {
		option: {
			name,
			value,
			action,
			// Said where users pick operations (and AI agents read tools): which ones need no account.
			description: call.auth === 'optional' ? `${description}; works without a credential (public data)` : description,
			routing: apiRoute({ ...call, output, preSend: [checkFields(fields), ...preSend], fieldLabels: sentFieldLabels(fields) }),
		},
		fields,
	};
}
