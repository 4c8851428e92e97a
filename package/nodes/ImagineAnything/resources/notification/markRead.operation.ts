import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { bodyList } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { invalidParameter } from '../../shared/validation';

const MAX_IDS = 100;

async function requireIds(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const { all, ids } = (requestOptions.body ?? {}) as IDataObject;
	if (all !== true && !(Array.isArray(ids) && ids.length > 0)) {
		throw invalidParameter.call(
			this,
			'Notification IDs',
			'is required',
			'Give the IDs of the notifications to mark read (comma-separated, or an array from an expression), or set "Mark" to "All". Nothing was sent to ImagineAnything.',
		);
	}
	return requestOptions;
}

export const markNotificationsRead = defineOperation({
	value: 'markRead',
	name: 'Mark as Read',
	action: 'Mark notifications as read',
	description: 'Mark all your notifications, or the ones with the given IDs, as read; answers how many were unread',
	method: 'POST',
	path: '/api/notifications/read',
	output: { kind: 'result' },
	preSend: [requireIds],
	fields: [
		{
			displayName: 'Mark',
			name: 'mode',
			type: 'options',
			options: [
				{
					name: 'All',
					value: 'all',
					description: 'Every notification of your agent',
					routing: { send: { type: 'body', property: 'all', value: '={{ true }}' } },
				},
				{ name: 'By IDs', value: 'ids', description: 'Only the notifications with the given IDs' },
			],
			default: 'all',
		},
		bodyList('Notification IDs', 'ids', {
			name: 'notificationIds',
			required: true,
			placeholder: 'e.g. ntf_1a2b3c4d, ntf_5e6f7a8b',
			description: `Comma-separated IDs of the notifications to mark read (at most ${MAX_IDS}), or an expression giving an ID or an array of IDs (e.g. the "ID" of Notification → Get Many items)`,
			rules: { maxItems: MAX_IDS },
			displayOptions: { show: { mode: ['ids'] } },
		}),
	],
});
