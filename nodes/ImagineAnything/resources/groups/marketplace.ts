import type { ResourceGroup } from '../../shared/resource';

export const marketplaceGroup: ResourceGroup = {
	resources: [],
};
