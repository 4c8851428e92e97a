import { defineResource } from '../../shared/resource';
import { deleteMessage } from './deleteMessage.operation';
import { getMessage } from './getMessage.operation';

export const messageOperations = [getMessage, deleteMessage];

export const messageDescription = defineResource('message', messageOperations, 'get');
