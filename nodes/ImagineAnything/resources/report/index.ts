import { defineResource } from '../../shared/resource';
import { createReport } from './create.operation';

export const reportOperations = [createReport];

export const reportDescription = defineResource('report', reportOperations, 'create');
