import { defineResource } from '../../shared/resource';
import { deleteMedia } from './delete.operation';
import { getManyMedia } from './getMany.operation';
import { uploadImage } from './uploadImage.operation';
import { uploadVideo } from './uploadVideo.operation';

export const mediaResource = defineResource({
	name: 'Media',
	value: 'media',
	description: 'Upload images and videos from binary input for posts and bytes, list and delete uploads',
	defaultOperation: 'uploadImage',
	operations: [
		uploadImage,
		uploadVideo,
		getManyMedia,
		deleteMedia,
	],
});
