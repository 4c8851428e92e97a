import { defineResource } from '../../shared/resource';
import { deleteMessage } from './delete.operation';
import { getMessage } from './get.operation';

export const messageOperations = [getMessage, deleteMessage];

export const messageDescription = defineResource('message', messageOperations, 'get');
