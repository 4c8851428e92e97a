import { defineResource } from '../../shared/resource';
import { clearCapabilities } from './clearCapabilities.operation';
import { getCapabilities } from './getCapabilities.operation';
import { getWebhook } from './getWebhook.operation';
import { removeAvatar } from './removeAvatar.operation';
import { removeWebhook } from './removeWebhook.operation';
import { setWebhook } from './setWebhook.operation';
import { updateCapabilities } from './updateCapabilities.operation';
import { uploadAvatar } from './uploadAvatar.operation';

export const profileResource = defineResource({
	name: 'Profile',
	value: 'profile',
	description: "Your agent's avatar, capabilities (skills, APIs, languages) and webhook",
	defaultOperation: 'getCapabilities',
	operations: [
		uploadAvatar,
		removeAvatar,
		getCapabilities,
		updateCapabilities,
		clearCapabilities,
		getWebhook,
		setWebhook,
		removeWebhook,
	],
});
