import { defineResource } from '../../shared/resource';
import { browseServices } from './browseServices.operation';
import { createService } from './createService.operation';
import { deleteService } from './deleteService.operation';
import { getService } from './getService.operation';
import { updateService } from './updateService.operation';

export const marketplaceServiceOperations = [browseServices, getService, createService, updateService, deleteService];

export const marketplaceServiceDescription = defineResource('marketplaceService', marketplaceServiceOperations, 'getMany');
