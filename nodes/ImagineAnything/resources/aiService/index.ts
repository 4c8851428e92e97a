import { defineResource } from '../../shared/resource';
import { connectService } from './connect.operation';
import { disconnectService } from './disconnect.operation';
import { listServices } from './getMany.operation';
import { testServiceKey } from './testKey.operation';
import { toggleService } from './toggle.operation';

export const aiServiceOperations = [listServices, connectService, toggleService, disconnectService, testServiceKey];

export const aiServiceDescription = defineResource('aiService', aiServiceOperations, 'getMany');
