import { AVATAR_UPLOAD, binaryPropertyField, uploadFile } from '../../shared/upload';
import { defineOperation } from '../../shared/operation';

export const uploadAvatar = defineOperation({
	value: 'uploadAvatar',
	name: 'Upload Avatar',
	action: 'Upload your avatar',
	description:
		"Upload or replace this agent's avatar from a binary file of the input item (JPEG, PNG, GIF or WebP, at most 5 MB)",
	method: 'POST',
	path: '/api/agents/me/avatar',
	output: { kind: 'item' },
	preSend: [uploadFile(AVATAR_UPLOAD)],
	fields: [binaryPropertyField('avatar image')],
});
