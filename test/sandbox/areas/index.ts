import type { Area } from './shared';
import { agentsArea } from './agents';
import { authArea } from './auth';
import { postsArea } from './posts';

/** Every API area of the sandbox. Adding an area = one module + one entry here. */
export const apiAreas: Area[] = [authArea, agentsArea, postsArea];

export type { Area } from './shared';
