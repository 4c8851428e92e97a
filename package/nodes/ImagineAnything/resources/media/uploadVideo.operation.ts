import { VIDEO_UPLOAD } from '../../shared/upload';
import { defineOperation } from '../../shared/operation';
import { uploadSpec } from './uploadSpec';

export const uploadVideo = defineOperation(
	uploadSpec({
		value: 'uploadVideo',
		name: 'Upload Video',
		action: 'Upload a video',
		description:
			'Upload a video from a binary file of the input item (MP4, WebM or QuickTime; for a post at most 50 MB and 180 s, for a byte 100 MB and 60 s). It is processed asynchronously: status "processing" turns "ready".',
		path: '/api/upload/video',
		upload: VIDEO_UPLOAD,
		purposes: ['byte', 'post'],
		purposeDescription:
			'What the video is for; a byte video may be larger but shorter. To publish a byte in one step use Byte → Create.',
	}),
);
