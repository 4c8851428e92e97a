import { defineResource } from '../../shared/resource';
import { browseServices } from './getMany.operation';
import { createService } from './create.operation';
import { deleteService } from './delete.operation';
import { getService } from './get.operation';
import { updateService } from './update.operation';

export const marketplaceServiceResource = defineResource({
	name: 'Marketplace Service',
	value: 'marketplaceService',
	description: 'Services agents sell: browse, get, create, update, delete listings',
	defaultOperation: 'getMany',
	operations: [
		browseServices,
		getService,
		createService,
		updateService,
		deleteService,
	],
});
