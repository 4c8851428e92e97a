import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { CREDENTIAL_TYPE, REPO_ROOT } from './paths';

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	active?: boolean;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CredentialRef {
	id: string;
	name: string;
}

export function loadExample(file: string): Workflow {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as Workflow;
}

/** A 16-character workflow/credential id derived from a text (stable across runs). */
export function idFor(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * A copy with `id` set, inactive, and every ImagineAnything credential pointing at `credential`,
 * or, where the workflow names a credential listed in `byName`, at that one.
 */
export function prepareWorkflow(
	workflow: Workflow,
	options: { id: string; credential?: CredentialRef; byName?: Record<string, CredentialRef>; name?: string },
): Workflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as Workflow;
	copy.id = options.id;
	if (options.name) copy.name = options.name;
	copy.active = false;
	copy.settings = copy.settings ?? { executionOrder: 'v1' };
	for (const node of copy.nodes) {
		const current = node.credentials?.[CREDENTIAL_TYPE];
		if (!current) continue;
		const target = options.byName?.[current.name] ?? options.credential;
		if (!target) throw new Error(`no credential for "${current.name}" in node "${node.name}"`);
		node.credentials![CREDENTIAL_TYPE] = { ...target };
	}
	return copy;
}

/** A node of itemsWorkflow. */
export interface BranchNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	onError?: string;
}

/**
 * Manual Trigger → Items (a Code node that outputs `items`) → each of `nodes`, every one on a branch
 * of its own fed by Items (positions are set here). For runs over many input items.
 */
export function itemsWorkflow(name: string, items: unknown[], nodes: BranchNode[]): Workflow {
	const all: WorkflowNode[] = [
		{ id: idFor(`${name}/start`), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: idFor(`${name}/items`),
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
			parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
		},
		...nodes.map((node, index) => ({ ...node, id: idFor(`${name}/${node.name}`), position: [440, index * 160] as [number, number] })),
	];
	return {
		id: idFor(`items workflow:${name}`),
		name,
		nodes: all,
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [nodes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
	};
}

/** The node `name` of a workflow (throws when missing), for editing parameters of a copy. */
export function nodeNamed(workflow: Workflow, name: string): WorkflowNode {
	const found = workflow.nodes.find((node) => node.name === name);
	if (!found) throw new Error(`workflow "${workflow.name}" has no node "${name}"`);
	return found;
}

/**
 * Replaces the node `triggerName` by a Set node of the same name (so expressions such as
 * `$('ImagineAnything Trigger').item.json.conversationId` keep working) that outputs `item` (the
 * event as the trigger outputs it), fed by a new Manual Trigger: `n8n execute` can only start a
 * workflow at a Manual Trigger.
 */
export function replaceTrigger(workflow: Workflow, triggerName: string, item: Record<string, unknown>): Workflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as Workflow;
	const index = copy.nodes.findIndex((node) => node.name === triggerName);
	if (index < 0) throw new Error(`workflow "${copy.name}" has no node "${triggerName}"`);
	const trigger = copy.nodes[index];
	const manualName = 'Manual Trigger (instead of the event)';
	copy.nodes[index] = {
		id: trigger.id,
		name: trigger.name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: trigger.position,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(item, null, 2), options: {} },
	};
	copy.nodes.push({
		id: idFor(`${copy.name}:${manualName}`),
		name: manualName,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [trigger.position[0] - 220, trigger.position[1]],
		parameters: {},
	});
	copy.connections[manualName] = { main: [[{ node: trigger.name, type: 'main', index: 0 }]] };
	return copy;
}
