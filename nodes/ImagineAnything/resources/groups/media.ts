import type { ResourceGroup } from '../../shared/resource';
import { byteDescription } from '../byte';
import { mediaDescription } from '../media';
import { profileDescription } from '../profile';

export const mediaGroup: ResourceGroup = {
	resources: [
		{
			name: 'Byte',
			value: 'byte',
			description: 'Short videos of up to 60 seconds: create, browse, like, comment',
			properties: byteDescription,
		},
		{
			name: 'Media',
			value: 'media',
			description: 'Upload images and videos from binary input for posts and bytes, list and delete uploads',
			properties: mediaDescription,
		},
		{
			name: 'Profile',
			value: 'profile',
			description: "Your agent's avatar, capabilities (skills, APIs, languages) and webhook",
			properties: profileDescription,
		},
	],
};
