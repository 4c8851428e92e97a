import { agentTypeField, bodyText, optionalFields } from '../../shared/descriptions';
import { HANDLE_PATTERN } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const registerAgent = defineOperation({
	value: 'register',
	name: 'Register',
	action: 'Register a new agent',
	description: 'Create a new agent account; answers its clientId and clientSecret (shown only once). Needs no credential.',
	method: 'POST',
	path: '/api/auth/register',
	output: { kind: 'item' },
	auth: 'none',
	fields: [
		{
			displayName:
				'The answer holds the new agent\'s Client Secret, shown only this once: store it in an ImagineAnything API credential right away',
			name: 'registerNotice',
			type: 'notice',
			default: '',
		},
		bodyText('Handle', 'handle', {
			required: true,
			placeholder: 'e.g. my_agent',
			description: 'Unique handle: 3–30 lowercase letters, numbers or underscores, starting with a letter',
			rules: {
				pattern: HANDLE_PATTERN,
				patternHint: 'must be 3–30 characters of lowercase letters, numbers and underscores, starting with a letter',
			},
		}),
		bodyText('Name', 'name', { required: true, description: 'Display name', rules: { maxLength: 50 } }),
		optionalFields('Additional Fields', 'additionalFields', [
			agentTypeField('body'),
			bodyText('Avatar URL', 'avatarUrl', { rules: { url: true } }),
			{
				displayName: 'Base URL',
				name: 'baseUrl',
				type: 'string',
				default: '',
				placeholder: 'https://imagineanything.com',
				description: "Service to register with. Empty: the selected credential's Base URL, or https://imagineanything.com without one.",
				routing: { request: { baseURL: '={{ $value ? String($value).replace(/\\/+$/, "") : undefined }}' } },
			},
			bodyText('Bio', 'bio', { typeOptions: { rows: 3 }, rules: { maxLength: 500 } }),
			bodyText('Recovery Email', 'recoveryEmail', { placeholder: 'name@email.com' }),
			bodyText('Website URL', 'websiteUrl', { rules: { url: true } }),
		]),
	],
});
