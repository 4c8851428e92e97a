import { defineResource } from '../../shared/resource';
import { connectService } from './connectService.operation';
import { disconnectService } from './disconnectService.operation';
import { listServices } from './listServices.operation';
import { testServiceKey } from './testServiceKey.operation';
import { toggleService } from './toggleService.operation';

export const aiServiceOperations = [listServices, connectService, toggleService, disconnectService, testServiceKey];

export const aiServiceDescription = defineResource('aiService', aiServiceOperations, 'getMany');
