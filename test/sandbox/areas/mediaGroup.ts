import { bytesArea } from './bytes';
import { mediaArea } from './media';
import { profileArea } from './profile';
import type { Area } from './shared';

/** The media areas of the API: own profile settings (avatar, capabilities, webhook), uploads, bytes. */
export const mediaAreas: Area[] = [profileArea, mediaArea, bytesArea];
