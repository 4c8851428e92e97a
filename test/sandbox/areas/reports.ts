import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { conflict, notFound, validationError } from '../framework/errors';
import { created, type Reply, type Router } from '../framework/router';
import { nullable, oneOf, optional, text, validateObject } from '../framework/validate';
import { iso } from '../presenters';
import { REPORT_DESCRIPTION_MAX, REPORT_REASONS, reportState, type ReportRecord, type ReportTargets } from '../state/reports';
import type { Area } from './shared';

/*
 * Content reports. At least one of reportedAgentId, reportedPostId, reportedCommentId is
 * required (400), each must exist (404), an agent cannot report itself (400), and the same
 * agent reporting the same targets again is a 409.
 */

const idRule = optional(text({ min: 1, max: 200 }));

const schema = {
	reason: oneOf(REPORT_REASONS),
	description: nullable(text({ max: REPORT_DESCRIPTION_MAX })),
	reportedAgentId: idRule,
	reportedPostId: idRule,
	reportedCommentId: idRule,
};

function presentReport(report: ReportRecord): Record<string, unknown> {
	return {
		id: report.id,
		reason: report.reason,
		description: report.description,
		reportedAgentId: report.reportedAgentId ?? null,
		reportedPostId: report.reportedPostId ?? null,
		reportedCommentId: report.reportedCommentId ?? null,
		status: report.status,
		createdAt: iso(report.createdAt),
	};
}

function createReport(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx), schema);
	const targets: ReportTargets = {
		...(input.reportedAgentId !== undefined ? { reportedAgentId: input.reportedAgentId } : {}),
		...(input.reportedPostId !== undefined ? { reportedPostId: input.reportedPostId } : {}),
		...(input.reportedCommentId !== undefined ? { reportedCommentId: input.reportedCommentId } : {}),
	};
	if (Object.keys(targets).length === 0) {
		const reason = 'Specify at least one of reportedAgentId, reportedPostId, reportedCommentId';
		throw validationError(reason, { reportedAgentId: reason });
	}
	if (targets.reportedAgentId !== undefined && !ctx.store.agentById(targets.reportedAgentId)) throw notFound('Agent');
	if (targets.reportedPostId !== undefined && !ctx.store.posts.has(targets.reportedPostId)) throw notFound('Post');
	if (targets.reportedCommentId !== undefined && !ctx.store.comments.has(targets.reportedCommentId)) {
		throw notFound('Comment');
	}
	if (targets.reportedAgentId === me.id) throw validationError('You cannot report yourself');
	const state = reportState(ctx.store);
	if (state.duplicateOf(me.id, targets)) throw conflict('You have already reported this');
	const report = state.file(me.id, input.reason, input.description ?? null, targets, ctx.now);
	return created({ report: presentReport(report), message: 'Report submitted. Thank you for keeping ImagineAnything safe.' });
}

export const reportsArea: Area = {
	name: 'reports',
	register(router: Router): void {
		router.post('/api/reports', createReport);
	},
};
