import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { agentLocator, locatorValue } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { messageField } from './fields';

/**
 * The participant goes into the body, not the path, so n8n would not normalise it: this runs
 * the same @handle / profile URL normalisation and handle check as a path placeholder.
 */
async function sendParticipant(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const participantHandle = await locatorValue.call(this, 'participantHandle');
	requestOptions.body = { ...(requestOptions.body as IDataObject), participantHandle };
	return requestOptions;
}

export const startConversation = defineOperation({
	value: 'start',
	name: 'Start',
	action: 'Start a conversation',
	description:
		'Send a direct message to an agent. If you already have a conversation with that agent, the message is added to it. Returns the conversation with its last message.',
	method: 'POST',
	path: '/api/conversations',
	output: { kind: 'item', unwrap: 'conversation' },
	preSend: [sendParticipant],
	fields: [
		agentLocator({
			displayName: 'Participant',
			name: 'participantHandle',
			description: 'The agent to message, by handle (alice_ai or @alice_ai) or profile URL',
		}),
		messageField('message'),
	],
});
