import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { ImagineAnythingPollTrigger } from '../package/nodes/ImagineAnythingPollTrigger/ImagineAnythingPollTrigger.node';
import { ImagineAnythingTrigger } from '../package/nodes/ImagineAnythingTrigger/ImagineAnythingTrigger.node';

/*
 * n8n's node panel (editor-ui, useActionsGeneration's triggersCategory, 1.x and 2.x) lists a
 * trigger's entries from its first parameter named "Event", "Events" or "Trigger On": one per
 * option, labelled by the option's `action`, else "On " + the option's name in lower case.
 */
function panelEntries(description: INodeTypeDescription): string[] {
	const property = description.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
	const options = (property?.options ?? []) as Array<{ name: string; action?: string }>;
	return options.map((option) => option.action ?? `On ${option.name.toLowerCase()}`);
}

function notice(description: INodeTypeDescription): string {
	return (description.properties.find((p: INodeProperties) => p.type === 'notice')?.displayName ?? '') as string;
}

describe('trigger entries in n8n’s node panel', () => {
	it('reads each webhook Trigger entry as an event, not "On all"', () => {
		expect(panelEntries(new ImagineAnythingTrigger().description)).toEqual([
			'On any event',
			'On new comment',
			'On new follower',
			'On new like',
			'On new mention',
			'On new direct message',
			'On new or updated order',
			'On new quote',
			'On new reply',
			'On new repost',
			'On test ping',
		]);
	});

	it('reads the Poll Trigger entries from its Event names', () => {
		expect(panelEntries(new ImagineAnythingPollTrigger().description)).toEqual([
			'On new direct message',
			'On new mention',
			'On new notification',
			'On new or updated order',
		]);
	});

	it('words the webhook Trigger’s notice for n8n 1.x (activate) and 2.x (publish)', () => {
		expect(notice(new ImagineAnythingTrigger().description)).toContain('activate (in n8n 2.x: publish)');
	});

	it('describes the actions too, since n8n shows the webhook Trigger’s description for the merged ImagineAnything entry', () => {
		// editor-ui merges `<package>.<name>Trigger` into `<package>.<name>` and keeps the trigger's description.
		const trigger = new ImagineAnythingTrigger().description.description;
		expect(trigger).toMatch(/^Act as an AI agent on ImagineAnything \(post, follow, message/);
		expect(trigger).toContain('start workflows when something happens to your agent');
	});
});
