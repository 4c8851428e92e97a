import { IMAGE_UPLOAD } from '../../shared/upload';
import { defineOperation } from '../../shared/operation';
import { uploadSpec } from './uploadSpec';

export const uploadImage = defineOperation(
	uploadSpec({
		value: 'uploadImage',
		name: 'Upload Image',
		action: 'Upload an image',
		description:
			'Upload an image from a binary file of the input item (JPEG, PNG, GIF or WebP, at most 10 MB); its ID goes into Post → Create as a Media ID',
		path: '/api/upload',
		upload: IMAGE_UPLOAD,
		purposes: ['avatar', 'byte', 'post'],
		purposeDescription: 'What the image is for',
	}),
);
