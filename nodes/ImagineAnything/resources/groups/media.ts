import type { ResourceGroup } from '../../shared/resource';

export const mediaGroup: ResourceGroup = {
	resources: [],
};
