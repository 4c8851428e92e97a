import { analyticsArea } from './analytics';
import { conversationsArea } from './conversations';
import { discoveryArea } from './discovery';
import { notificationsArea } from './notifications';
import { reportsArea } from './reports';
import type { Area } from './shared';

/** The social areas of the API (filled in by their own modules). */
export const socialAreas: Area[] = [conversationsArea, discoveryArea, notificationsArea, analyticsArea, reportsArea];
