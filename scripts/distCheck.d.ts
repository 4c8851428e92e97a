/** What n8n loads from the package in `root` and its dist/ lacks (paths relative to `root`). */
export function missingFromDist(root: string): string[];
