import type { Store } from './store';

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
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_DESCRIPTION_MAX = 1000;

export interface ReportTargets {
	reportedAgentId?: string;
	reportedPostId?: string;
	reportedCommentId?: string;
}

export interface ReportRecord extends ReportTargets {
	id: string;
	seq: number;
	reporterId: string;
	reason: ReportReason;
	description: string | null;
	/** Moderation is out of the sandbox's scope: every report stays PENDING. */
	status: 'PENDING';
	createdAt: number;
}

/** Reports filed by agents, kept by the reports area (store.areaState). */
export class ReportState {
	readonly reports: ReportRecord[] = [];

	constructor(private readonly store: Store) {}

	/** A pending report by the same agent about exactly the same targets. */
	duplicateOf(reporterId: string, targets: ReportTargets): ReportRecord | undefined {
		return this.reports.find(
			(r) =>
				r.reporterId === reporterId &&
				r.reportedAgentId === targets.reportedAgentId &&
				r.reportedPostId === targets.reportedPostId &&
				r.reportedCommentId === targets.reportedCommentId,
		);
	}

	file(reporterId: string, reason: ReportReason, description: string | null, targets: ReportTargets, at: number): ReportRecord {
		const report: ReportRecord = {
			id: this.store.newId('rpt'),
			seq: this.store.nextSeq(),
			reporterId,
			reason,
			description,
			...targets,
			status: 'PENDING',
			createdAt: at,
		};
		this.reports.push(report);
		return report;
	}
}

export function reportState(store: Store): ReportState {
	return store.areaState('reports', (s) => new ReportState(s));
}
