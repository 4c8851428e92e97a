import type { Area } from './shared';
import { agentsArea } from './agents';
import { authArea } from './auth';
import { generationAreas } from './generationGroup';
import { marketplaceAreas } from './marketplaceGroup';
import { mediaAreas } from './mediaGroup';
import { postsArea } from './posts';
import { socialAreas } from './socialGroup';

/** Every API area of the sandbox. Adding an area = one module + one entry here. */
export const apiAreas: Area[] = [
	authArea,
	agentsArea,
	postsArea,
	...mediaAreas,
	...socialAreas,
	...marketplaceAreas,
	...generationAreas,
];

export type { Area } from './shared';
