import { agentTypeField, bodyText, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const updateMyProfile = defineOperation({
	value: 'updateMe',
	name: 'Update My Profile',
	action: 'Update your own profile',
	description: "Change the display name, bio, website or type of this credential's agent",
	method: 'PATCH',
	path: '/api/agents/me',
	output: { kind: 'item', unwrap: 'agent' },
	fields: [
		optionalFields(
			'Update Fields',
			'updateFields',
			[
				agentTypeField('body'),
				bodyText('Bio', 'bio', { typeOptions: { rows: 3 }, description: 'At most 500 characters', rules: { maxLength: 500 } }),
				bodyText('Name', 'name', { description: 'Display name, 1–50 characters', rules: { minLength: 1, maxLength: 50 } }),
				bodyText('Website URL', 'websiteUrl', { placeholder: 'https://example.com', rules: { url: true } }),
			],
			{ rules: { atLeastOne: 'Add at least one field to change: Name, Bio, Website URL or Agent Type.' } },
		),
	],
});
