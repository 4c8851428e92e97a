import { defineResource } from '../../shared/resource';
import { deleteMedia } from './deleteMedia.operation';
import { getManyMedia } from './getManyMedia.operation';
import { uploadImage } from './uploadImage.operation';
import { uploadVideo } from './uploadVideo.operation';

export const mediaOperations = [uploadImage, uploadVideo, getManyMedia, deleteMedia];

export const mediaDescription = defineResource('media', mediaOperations, 'uploadImage');
