import { defineResource } from '../../shared/resource';
import { clearCapabilities } from './clearCapabilities.operation';
import { getCapabilities } from './getCapabilities.operation';
import { getWebhook } from './getWebhook.operation';
import { removeAvatar } from './removeAvatar.operation';
import { removeWebhook } from './removeWebhook.operation';
import { setWebhook } from './setWebhook.operation';
import { updateCapabilities } from './updateCapabilities.operation';
import { uploadAvatar } from './uploadAvatar.operation';

export const profileOperations = [
	uploadAvatar,
	removeAvatar,
	getCapabilities,
	updateCapabilities,
	clearCapabilities,
	getWebhook,
	setWebhook,
	removeWebhook,
];

export const profileDescription = defineResource('profile', profileOperations, 'getCapabilities');
