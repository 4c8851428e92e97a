import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IConnections,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IRun,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import type { Workflow as WorkflowJson } from '../../scripts/n8n/workflows';
import { TestNodeTypes } from './run';

/*
 * Runs a whole workflow (an example of examples/) through n8n-core's WorkflowExecute from its
 * trigger node, as n8n does once a trigger has fired: the trigger's items are the start node's
 * data, the trigger passes them on (a webhook node always, a poll node outside manual mode) and
 * every node after it runs. n8n-nodes-base is not a dependency, so the two base nodes the
 * examples use are stand-ins that leave the work to n8n's engine: Set outputs the assignments as
 * n8n resolved them (expressions such as `$('Trigger').item.json.x` included), If routes each
 * item by the filter n8n evaluated. Real n8n runs the examples with the real nodes (test/e2e).
 */

function standIn(description: Partial<INodeTypeDescription>, execute: INodeType['execute']): INodeType {
	return {
		description: {
			displayName: description.name ?? '',
			group: ['transform'],
			version: 1,
			description: 'Test stand-in',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
			...description,
		} as INodeTypeDescription,
		execute,
	};
}

const STAND_INS: Record<string, INodeType> = {
	'n8n-nodes-base.set': standIn(
		{
			name: 'set',
			properties: [
				{ displayName: 'Assignments', name: 'assignments', type: 'assignmentCollection', default: {} },
				{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
			],
		},
		async function (this: IExecuteFunctions) {
			return [
				this.getInputData().map((_, itemIndex) => {
					const assignments = this.getNodeParameter('assignments.assignments', itemIndex, []) as Array<{ name: string; value: unknown }>;
					const json: IDataObject = {};
					for (const { name, value } of assignments) json[name] = value as IDataObject[string];
					return { json, pairedItem: { item: itemIndex } };
				}),
			];
		},
	),
	'n8n-nodes-base.if': standIn(
		{
			name: 'if',
			outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
			properties: [
				{ displayName: 'Conditions', name: 'conditions', type: 'filter', default: {} },
				{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
			],
		},
		async function (this: IExecuteFunctions) {
			const kept: INodeExecutionData[] = [];
			const discarded: INodeExecutionData[] = [];
			this.getInputData().forEach((item, itemIndex) => {
				const pass = this.getNodeParameter('conditions', itemIndex, false, { extractValue: true }) as boolean;
				(pass ? kept : discarded).push({ json: item.json, pairedItem: { item: itemIndex } });
			});
			return [kept, discarded];
		},
	),
};

class WorkflowNodeTypes extends TestNodeTypes {
	getByName(type: string) {
		return STAND_INS[type] ?? super.getByName(type);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}
}

const nodeTypes = new WorkflowNodeTypes();

export interface WorkflowRun {
	run: IRun;
	/** Output items (run 0, output 0) of a node; [] when it did not run. */
	json(node: string): IDataObject[];
	/** The first error of the run, if any. */
	error?: Error;
}

/**
 * Runs `workflow` (sticky notes aside) from `startNode` with `items`, in `mode` ('webhook' after a
 * webhook delivery, 'trigger' after a poll, as n8n names them).
 */
export async function runWorkflowFrom(
	workflow: WorkflowJson,
	options: { startNode: string; items: INodeExecutionData[]; mode: WorkflowExecuteMode; additionalData: IWorkflowExecuteAdditionalData },
): Promise<WorkflowRun> {
	const nodes = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote') as unknown as INode[];
	const connections = workflow.connections as unknown as IConnections;
	const built = new Workflow({
		id: workflow.id ?? 'example',
		name: workflow.name,
		nodes,
		connections,
		active: true,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const start = built.getNode(options.startNode);
	if (!start) throw new Error(`no node "${options.startNode}" in "${workflow.name}"`);
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: start, data: { main: [options.items] }, source: null }] },
	});
	const hooks = new ExecutionLifecycleHooks(options.mode, 'example-execution', {
		id: built.id,
		name: workflow.name,
		active: true,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings: {},
	} as never);
	let finished: IRun | undefined;
	hooks.addHandler('workflowExecuteAfter', (run: IRun) => {
		finished = run;
	});
	const execute = new WorkflowExecute({ ...options.additionalData, hooks }, options.mode, runExecutionData);
	const run = (await execute.processRunExecutionData(built)) ?? finished;
	if (!run) throw new Error('The engine returned no run data');
	const runData = run.data.resultData.runData;
	const failed = Object.values(runData).flatMap((tasks) => tasks.map((task) => task.error).filter(Boolean));
	return {
		run,
		json: (node) => (runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json),
		error: (failed[0] ?? run.data.resultData.error) as Error | undefined,
	};
}
