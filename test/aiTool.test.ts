/**
 * The node as a tool of n8n's AI Agent: the description the model reads (one per operation, only
 * in the tool variant, as n8n's own code picks it), and refusals whose message and description say
 * what to fix without naming the item. What the model receives in a real n8n: e2e/aiAgent.e2e.test.ts.
 */
import * as fs from 'fs';
import type { INode, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import * as path from 'path';

import { ImagineAnything } from '../package/nodes/ImagineAnything/ImagineAnything.node';
import { createPostParameters, createTestEnv, type TestEnv } from './env';

const node = new ImagineAnything().description;
/** The tool variant as n8n makes it from the node: the same description under a name ending in "Tool". */
const tool: INodeTypeDescription = { ...node, name: `${node.name}Tool` };

/** The description n8n gives the model for a node of `type` with these parameters (defaults filled in as n8n does). */
function describedToModel(type: INodeTypeDescription, parameters: Record<string, unknown>): { description: string; parameters: Record<string, unknown> } {
	const workflowNode: INode = { id: '1', name: 'Create a post', type: type.name, typeVersion: 1, position: [0, 0], parameters: {} };
	const resolved = NodeHelpers.getNodeParameters(type.properties, parameters as INode['parameters'], true, false, workflowNode, type)!;
	return { description: NodeHelpers.getToolDescriptionForNode({ ...workflowNode, parameters: resolved }, { description: type } as never), parameters: resolved };
}

describe('what the model is told about the tool', () => {
	it('Post → Create: what it does, each parameter, its limits and what "" does', () => {
		expect(describedToModel(tool, { resource: 'post', operation: 'create' }).description).toBe(
			[
				'Create a post on ImagineAnything, the social network for AI agents. Publish a post (#hashtags and @mentions in the text are picked up automatically); answers the post with its public URL.',
				'Parameters:',
				'- Content (required): Text of the post, at most 500 characters. Use #hashtags and @handles.',
				'- Media IDs (optional, "" = not set): Comma-separated IDs of uploaded media: at most 4 images or 1 video, not both.',
				'- Media Type (optional, "" = not set): Kind of post. Takes one of BYTE, IMAGE, TEXT, VIDEO.',
			].join('\n'),
		);
	});

	it("is what the README's section on AI tools shows", () => {
		const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
		const shown = /For Post → Create:\n\n {2}```text\n([\s\S]*?)\n {2}```/.exec(readme)?.[1].replace(/^ {2}/gm, '');
		expect(shown).toBe(describedToModel(tool, { resource: 'post', operation: 'create' }).description);
	});

	it('the formats a locator accepts, limits from the rules, and where "" is a value', () => {
		expect(describedToModel(tool, { resource: 'agent', operation: 'follow' }).description).toContain(
			'- Agent (required): The agent, by handle. Accepts Handle (e.g. alice_ai or @alice_ai) or URL (e.g. https://imagineanything.com/agent/alice_ai).',
		);
		const profile = describedToModel(tool, { resource: 'agent', operation: 'updateMe' }).description;
		expect(profile).toContain('- Website URL (optional, "" = not set): Takes a full http(s) URL.');
		expect(profile).toContain('- Bio (optional, "" = empty text): At most 500 characters.');
		expect(profile).toContain('- Agent Type (optional, "" = not set): Takes one of ANALYST, ASSISTANT, AUTOMATION, CHATBOT, CREATIVE, OTHER.');
		const service = describedToModel(tool, { resource: 'marketplaceService', operation: 'create' }).description;
		expect(service).toContain('- Price (Cents) (required): Price in US cents, as a whole number: 500 is $5.00. Takes a whole number from 1 to 10000000.');
		expect(service).toContain('- Title (required): Takes text of 1–100 characters.');
		const report = describedToModel(tool, { resource: 'report', operation: 'create' }).description;
		expect(report).toMatch(/^- Post \(required when Target Type is post\): The post to report\. Accepts ID /m);
	});

	it('is the node parameter n8n hands the model, editable, and exists only in the tool', () => {
		const edited = describedToModel(tool, { resource: 'post', operation: 'create', toolDescription: 'Post what the user asks for.' });
		expect(edited.description).toBe('Post what the user asks for.');
		// n8n adds its own Tool Description parameters only to a node without one.
		expect(tool.properties.some((p) => p.name === 'descriptionType')).toBe(false);
		expect(describedToModel(node, { resource: 'post', operation: 'create' }).parameters.toolDescription).toBeUndefined();
	});

	it('every operation has one, opening with what it does', () => {
		const operations = node.properties.filter((p) => p.name === 'operation');
		const pairs = operations.flatMap((selector) =>
			(selector.displayOptions!.show!.resource as string[]).flatMap((resource) => selector.options!.map((o) => ({ resource, option: o as { value: string; action: string } }))),
		);
		expect(pairs.length).toBeGreaterThan(100);
		for (const { resource, option } of pairs) {
			const { description } = describedToModel(tool, { resource, operation: option.value });
			expect(description.startsWith(`${option.action} on ImagineAnything`)).toBe(true);
		}
	});
});

describe('a refused value, as the model and the user read it', () => {
	let env: TestEnv;
	beforeAll(async () => {
		env = await createTestEnv();
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	const tooLong = 'x'.repeat(600);
	const fix = '"Content" takes text of at most 500 characters; nothing was sent to ImagineAnything.';

	it('stops the node with what is wrong and what the parameter takes, naming no item', async () => {
		const result = await env.run(createPostParameters(tooLong), { items: [{}, {}] });
		expect(result.error?.message).toBe('"Content" must be at most 500 characters (it has 600)');
		expect(result.error?.description).toBe(fix);
		expect(result.error?.context?.itemIndex).toBe(0);
		env.nothingSent();
	});

	it('under Continue, the item carries both, paired to its input', async () => {
		const result = await env.run(createPostParameters('={{ $json.text }}'), { items: [{ text: 'A fine post' }, { text: tooLong }], continueOnFail: true });
		expect(result.items[1]).toEqual({
			json: { error: '"Content" must be at most 500 characters (it has 600)', message: `Create a post was not sent. ${fix}`, operation: 'Create a post' },
			pairedItem: { item: 1 },
		});
		expect(env.onlyCall().body).toMatchObject({ content: 'A fine post' });
	});
});
