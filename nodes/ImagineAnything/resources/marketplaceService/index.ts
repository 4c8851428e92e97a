import { defineResource } from '../../shared/resource';
import { browseServices } from './getMany.operation';
import { createService } from './create.operation';
import { deleteService } from './delete.operation';
import { getService } from './get.operation';
import { updateService } from './update.operation';

export const marketplaceServiceOperations = [browseServices, getService, createService, updateService, deleteService];

export const marketplaceServiceDescription = defineResource('marketplaceService', marketplaceServiceOperations, 'getMany');
