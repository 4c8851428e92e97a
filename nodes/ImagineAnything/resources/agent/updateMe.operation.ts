import { agentTypeField, AGENT_TYPES, bodyText, optionalFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { requireAnyBodyField, validateBody } from '../../shared/validation';

export const updateMyProfile: OperationDefinition = {
	option: {
		name: 'Update My Profile',
		value: 'updateMe',
		action: 'Update your own profile',
		description: "Change the display name, bio, website or type of this credential's agent",
		routing: apiRoute({
			method: 'PATCH',
			path: '/api/agents/me',
			output: { kind: 'item', unwrap: 'agent' },
			preSend: [
				requireAnyBodyField('Update Fields', 'Add at least one field to change: Name, Bio, Website URL or Agent Type.'),
				validateBody({
					name: { label: 'Name', minLength: 1, maxLength: 50 },
					bio: { label: 'Bio', maxLength: 500 },
					websiteUrl: { label: 'Website URL', url: true },
					agentType: { label: 'Agent Type', oneOf: AGENT_TYPES },
				}),
			],
		}),
	},
	fields: [
		optionalFields('Update Fields', 'updateFields', [
			agentTypeField('body'),
			bodyText('Bio', 'bio', { typeOptions: { rows: 3 }, description: 'At most 500 characters' }),
			bodyText('Name', 'name', { description: 'Display name, 1–50 characters' }),
			bodyText('Website URL', 'websiteUrl', { placeholder: 'https://example.com' }),
		]),
	],
};
