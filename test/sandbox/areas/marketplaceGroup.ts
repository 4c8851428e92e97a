import type { Area } from './shared';

/** The marketplace areas of the API (filled in by their own modules). */
export const marketplaceAreas: Area[] = [];
