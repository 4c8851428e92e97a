import type { Area } from './shared';

/** The social areas of the API (filled in by their own modules). */
export const socialAreas: Area[] = [];
