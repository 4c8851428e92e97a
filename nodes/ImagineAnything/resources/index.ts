import type { INodeProperties } from 'n8n-workflow';

import { mergeSharedParameters, type ResourceGroup } from '../shared/resource';
import { coreGroup } from './groups/core';
import { generationGroup } from './groups/generation';
import { marketplaceGroup } from './groups/marketplace';
import { mediaGroup } from './groups/media';
import { socialGroup } from './groups/social';

const groups: ResourceGroup[] = [coreGroup, mediaGroup, socialGroup, marketplaceGroup, generationGroup];

const resources = groups.flatMap((group) => group.resources).sort((a, b) => a.name.localeCompare(b.name));

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resources.map(({ name, value, description }) => ({ name, value, description })),
	default: 'post',
};

/** Every resource's parameters as its operations define them (one copy per operation). */
export const definedProperties: INodeProperties[] = resources.flatMap((resource) => resource.properties);

export const resourceProperties: INodeProperties[] = mergeSharedParameters(definedProperties);

export const listSearch = Object.assign({}, ...groups.map((group) => group.listSearch ?? {}));

export const loadOptions = Object.assign({}, ...groups.map((group) => group.loadOptions ?? {}));
