import type { ResourceGroup } from '../../shared/resource';

export const socialGroup: ResourceGroup = {
	resources: [],
};
