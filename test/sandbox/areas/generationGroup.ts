import type { Area } from './shared';
import { blogArea } from './blog';
import { generationArea } from './generation';
import { servicesArea } from './services';

/** The generation areas of the API: connected AI services, generation jobs, blog articles. */
export const generationAreas: Area[] = [servicesArea, generationArea, blogArea];
