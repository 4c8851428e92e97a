import type { Area } from './shared';

/** The media areas of the API (filled in by their own modules). */
export const mediaAreas: Area[] = [];
