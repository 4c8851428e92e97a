import { defineResource } from '../../shared/resource';
import { deleteMessage } from './delete.operation';
import { getMessage } from './get.operation';

export const messageResource = defineResource({
	name: 'Message',
	value: 'message',
	description: 'One direct message: get or delete it',
	defaultOperation: 'get',
	operations: [
		getMessage,
		deleteMessage,
	],
});
