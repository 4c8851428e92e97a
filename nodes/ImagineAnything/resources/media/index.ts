import { defineResource } from '../../shared/resource';
import { deleteMedia } from './delete.operation';
import { getManyMedia } from './getMany.operation';
import { uploadImage } from './uploadImage.operation';
import { uploadVideo } from './uploadVideo.operation';

export const mediaOperations = [uploadImage, uploadVideo, getManyMedia, deleteMedia];

export const mediaDescription = defineResource('media', mediaOperations, 'uploadImage');
