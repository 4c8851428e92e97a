/**
 * n8n's rules for option lists (names, "Get Many", actions, sorting, descriptions), applied to the node
 * descriptions as they are assembled at load time (defineResource builds the Resource and Operation
 * lists, so `n8n-node lint` never sees them in the files). The rules run unchanged: the description
 * becomes the source text of a node class, linted with the package's own config, n8n's default one
 * (package/eslint.config.mjs, through scripts/lint-description.mjs).
 */
import { spawnSync } from 'child_process';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import * as path from 'path';

import { ImagineAnything } from '../package/nodes/ImagineAnything/ImagineAnything.node';
import { ImagineAnythingPollTrigger } from '../package/nodes/ImagineAnythingPollTrigger/ImagineAnythingPollTrigger.node';
import { ImagineAnythingTrigger } from '../package/nodes/ImagineAnythingTrigger/ImagineAnythingTrigger.node';

import { REPO_ROOT as ROOT } from '../scripts/n8n/paths';
import { toolEnv } from './harness/tooling';

/** The rules of n8n-node lint whose subject is an option list or its options. */
const OPTION_LIST_RULES = [
	'n8n-nodes-base/node-param-display-name-miscased', // Title Case, for option names too
	'n8n-nodes-base/node-param-option-name-wrong-for-get-many',
	'n8n-nodes-base/node-param-operation-option-action-wrong-for-get-many',
	'n8n-nodes-base/node-param-operation-option-description-wrong-for-get-many',
	'n8n-nodes-base/node-param-operation-option-action-miscased',
	'n8n-nodes-base/node-param-operation-option-without-action',
	'n8n-nodes-base/node-param-operation-without-no-data-expression',
	'n8n-nodes-base/node-param-resource-without-no-data-expression',
	'n8n-nodes-base/node-param-resource-with-plural-option',
	'n8n-nodes-base/node-param-options-type-unsorted-items',
	'n8n-nodes-base/node-param-multi-options-type-unsorted-items',
	'n8n-nodes-base/node-param-option-name-duplicate',
	'n8n-nodes-base/node-param-option-value-duplicate',
	'n8n-nodes-base/node-param-option-name-containing-star',
	'n8n-nodes-base/node-param-option-name-wrong-for-upsert',
	'n8n-nodes-base/node-param-option-description-identical-to-name',
	'n8n-nodes-base/node-param-default-wrong-for-options',
	'n8n-nodes-base/node-param-default-wrong-for-multi-options',
	'@n8n/community-nodes/no-emoji-in-options',
	'@n8n/community-nodes/resource-operation-pattern',
];

const NODES: Array<{ file: string; type: INodeType }> = [
	{ file: 'nodes/ImagineAnything/ImagineAnything.node.ts', type: new ImagineAnything() },
	{ file: 'nodes/ImagineAnythingTrigger/ImagineAnythingTrigger.node.ts', type: new ImagineAnythingTrigger() },
	{ file: 'nodes/ImagineAnythingPollTrigger/ImagineAnythingPollTrigger.node.ts', type: new ImagineAnythingPollTrigger() },
];

interface Finding {
	ruleId: string;
	message: string;
	text: string;
}

/** A value as TypeScript source; functions (routing hooks, methods) are left out, as lint cannot read them either. */
function toSource(value: unknown, depth = 0): string {
	const indent = '\t'.repeat(depth + 1);
	const close = '\t'.repeat(depth);
	if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
	if (Array.isArray(value)) return `[\n${value.map((item) => indent + toSource(item, depth + 1)).join(',\n')}\n${close}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function');
		const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
		return `{\n${entries.map(([name, item]) => `${indent}${key(name)}: ${toSource(item, depth + 1)}`).join(',\n')}\n${close}}`;
	}
	return String(value);
}

/**
 * n8n's get-many rules find the operation by n8n's own value for it, `getAll`; ours is `getMany`
 * (what workflows store). The rules are shown it under n8n's value so that they apply to it.
 */
function withN8nGetManyValue(properties: INodeProperties[]): INodeProperties[] {
	const n8nValue = (value: unknown) => (value === 'getMany' ? 'getAll' : value);
	return properties.map((property) =>
		property.name === 'operation' && property.type === 'options'
			? {
					...property,
					default: n8nValue(property.default) as string,
					options: property.options?.map((option) => ('value' in option ? { ...option, value: n8nValue(option.value) as string } : option)),
				}
			: property,
	);
}

function lint(file: string, description: INodeTypeDescription): { findings: Finding[]; enabledRules: string[] } {
	const className = path.basename(file, '.node.ts');
	const source = [
		"import type { INodeType, INodeTypeDescription } from 'n8n-workflow';",
		'',
		`export class ${className} implements INodeType {`,
		`\tdescription: INodeTypeDescription = ${toSource({ ...description, properties: withN8nGetManyValue(description.properties) }, 1)};`,
		'}',
		'',
	].join('\n');
	const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'lint-description.mjs'), file], { cwd: ROOT, input: source, encoding: 'utf8', env: toolEnv() });
	if (run.status !== 0) throw new Error(`lint-description.mjs failed:\n${run.stderr}`);
	const { messages, enabledRules } = JSON.parse(run.stdout) as { messages: Array<Finding & { line: number }>; enabledRules: string[] };
	const findings = messages.filter((message) => OPTION_LIST_RULES.includes(message.ruleId)).map(({ ruleId, message, text }) => ({ ruleId, message, text }));
	return { findings, enabledRules };
}

/** The action node's description with one operation's name (and optionally action) changed. */
function renamed(resource: string, value: string, name: string, action?: string): INodeTypeDescription {
	const { description } = new ImagineAnything();
	const properties = description.properties.map((property) => {
		const shownFor = (property.displayOptions?.show?.resource ?? []) as string[];
		if (property.name !== 'operation' || !shownFor.includes(resource)) return property;
		const options = property.options?.map((option) =>
			'value' in option && option.value === value ? { ...option, name, ...(action ? { action } : {}) } : option,
		);
		return { ...property, options };
	});
	return { ...description, properties };
}

describe('option lists of the assembled node descriptions', () => {
	it.each(NODES)('$file follows the option-list rules of n8n-node lint', ({ file, type }) => {
		const { findings, enabledRules } = lint(file, type.description);
		expect(OPTION_LIST_RULES.filter((rule) => !enabledRules.includes(rule))).toEqual([]);
		expect(findings).toEqual([]);
	});

	it('catches a Get Many renamed "Get All Posts" with the action "Get all posts" (and the list then out of order)', () => {
		const { findings } = lint(NODES[0].file, renamed('byte', 'getMany', 'Get All Posts', 'Get all posts'));
		expect(findings.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual([
			{
				ruleId: 'n8n-nodes-base/node-param-options-type-unsorted-items',
				message: "Alphabetize by 'name'. Order: Comment | Create | Delete | Get | Get All Posts | Get Comments | Like | Unlike [autofixable]",
			},
			{ ruleId: 'n8n-nodes-base/node-param-option-name-wrong-for-get-many', message: "Replace with 'Get Many' [autofixable]" },
			{ ruleId: 'n8n-nodes-base/node-param-operation-option-action-wrong-for-get-many', message: "Change to 'Get many posts' [autofixable]" },
		]);
	});

	it('catches another operation renamed "Get All Posts": the Operation list is then out of order', () => {
		const { findings } = lint(NODES[0].file, renamed('post', 'getTimeline', 'Get All Posts'));
		expect(findings).toEqual([
			expect.objectContaining({
				ruleId: 'n8n-nodes-base/node-param-options-type-unsorted-items',
				message: expect.stringContaining("Alphabetize by 'name'. Order: Amplify | Comment | Create | Delete | Delete Comment | Get | Get All Posts |"),
			}),
		]);
	});

	it('catches an option name that is not in Title Case and an action that is not in sentence case', () => {
		const { findings } = lint(NODES[0].file, renamed('post', 'getFeed', 'Get feed', 'Get My Feed'));
		expect(findings.map(({ ruleId, text }) => ({ ruleId, text }))).toEqual([
			{ ruleId: 'n8n-nodes-base/node-param-display-name-miscased', text: "name: 'Get feed'," },
			{ ruleId: 'n8n-nodes-base/node-param-operation-option-action-miscased', text: "action: 'Get My Feed'," },
		]);
	});

	it('gives every Resource and Operation option a description, which n8n shows under it', () => {
		const undescribed = NODES.flatMap(({ type }) =>
			type.description.properties
				.filter((property) => ['resource', 'operation'].includes(property.name) && property.type === 'options')
				.flatMap((property) => property.options ?? [])
				.filter((option) => 'value' in option && !option.description?.trim())
				.map((option) => `${type.description.name}: ${option.name}`),
		);
		expect(undescribed).toEqual([]);
	});
});
