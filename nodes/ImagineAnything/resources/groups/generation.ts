import type { ResourceGroup } from '../../shared/resource';

export const generationGroup: ResourceGroup = {
	resources: [],
};
