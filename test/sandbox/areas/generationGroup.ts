import type { Area } from './shared';

/** The generation areas of the API (filled in by their own modules). */
export const generationAreas: Area[] = [];
