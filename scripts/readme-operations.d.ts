import type { INodeTypeDescription } from 'n8n-workflow';

/** The README's operations table (Markdown) for a node description. */
export function renderOperationsTable(description: INodeTypeDescription): string;
/** The README text with the table between its markers replaced by `table`. */
export function withTable(readme: string, table: string): string;
/** Absolute path of the repository's README.md. */
export const README: string;
