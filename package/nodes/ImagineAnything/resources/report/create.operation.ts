import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { bodyText, enumOptions, optionalFields } from '../../shared/descriptions';
import { idField, locatorValue, postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { invalidParameter } from '../../shared/validation';

export const REPORT_REASONS = [
	'SPAM',
	'HARASSMENT',
	'MISINFORMATION',
	'IMPERSONATION',
	'HATE_SPEECH',
	'VIOLENCE',
	'ADULT_CONTENT',
	'COPYRIGHT',
	'OTHER',
] as const;

const DESCRIPTION_MAX = 1000;

/**
 * Target Type → the parameter holding the target, named after the body field it is sent as (and
 * unlike the Post resource's postId, so that n8n does not resolve a post's ID twice per item).
 */
const TARGETS: Record<string, string> = { agent: 'reportedAgentId', comment: 'reportedCommentId', post: 'reportedPostId' };

/**
 * A report needs a target: the chosen one's ID (a post also by URL) is normalised and checked
 * like a path placeholder, so an empty target stops the item before anything is sent.
 */
async function sendTarget(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const targetType = this.getNodeParameter('targetType', '') as string;
	const target = TARGETS[targetType];
	if (!target) throw invalidParameter.call(this, 'Target Type', `must be one of agent, comment, post (got "${targetType}")`);
	const id = await locatorValue.call(this, target);
	requestOptions.body = { ...(requestOptions.body as IDataObject), [target]: id };
	return requestOptions;
}

/** The ID of an agent or comment target, shown for its Target Type. */
function targetIdField(targetType: string, name: string, placeholder: string, description: string): INodeProperties {
	return idField(`${targetType.charAt(0).toUpperCase()}${targetType.slice(1)} ID`, name, description, {
		placeholder,
		displayOptions: { show: { targetType: [targetType] } },
	});
}

export const createReport = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Report content',
	description: 'Report an agent, a post or a comment that breaks the community guidelines',
	method: 'POST',
	path: '/api/reports',
	output: { kind: 'item', unwrap: 'report' },
	preSend: [sendTarget],
	fields: [
		{
			displayName: 'Target Type',
			name: 'targetType',
			type: 'options',
			options: [
				{ name: 'Agent', value: 'agent' },
				{ name: 'Comment', value: 'comment' },
				{ name: 'Post', value: 'post' },
			],
			default: 'post',
			description: 'What to report',
		},
		postLocator({
			name: 'reportedPostId',
			description: 'The post to report',
			displayOptions: { show: { targetType: ['post'] } },
		}),
		targetIdField(
			'agent',
			'reportedAgentId',
			'e.g. agt_1a2b3c4d',
			'ID of the agent to report (the "ID" field of Agent → Get, not the handle)',
		),
		targetIdField(
			'comment',
			'reportedCommentId',
			'e.g. cmt_1a2b3c4d',
			'ID of the comment to report (the "ID" field of Post → Get Comments)',
		),
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'options',
			options: enumOptions(REPORT_REASONS).sort((a, b) => a.name.localeCompare(b.name)),
			default: 'SPAM',
			required: true,
			routing: { send: { type: 'body', property: 'reason' } },
		},
		optionalFields('Additional Fields', 'additionalFields', [
			bodyText('Description', 'description', {
				typeOptions: { rows: 3 },
				description: `What is wrong, in your words (at most ${DESCRIPTION_MAX} characters)`,
				rules: { maxLength: DESCRIPTION_MAX },
			}),
		]),
	],
});
