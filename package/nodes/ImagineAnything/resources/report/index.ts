import { defineResource } from '../../shared/resource';
import { createReport } from './create.operation';

export const reportResource = defineResource({
	name: 'Report',
	value: 'report',
	description: 'Report agents, posts or comments that break the community guidelines',
	defaultOperation: 'create',
	operations: [
		createReport,
	],
});
