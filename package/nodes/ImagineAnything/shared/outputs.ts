import type { IDataObject, IExecutePaginationFunctions, IExecuteSingleFunctions } from 'n8n-workflow';

import { serviceUrl } from '../transport';
import { locatorValue } from './locators';
import type { ApiCall } from './request';

type Finish = NonNullable<ApiCall['finish']>;

/**
 * What an answer was about: the name of a locator or ID parameter (its value as sent: a handle
 * lowercased, a post URL reduced to the post's ID), or a function reading the fields itself.
 */
export type Target = string | ((this: IExecuteSingleFunctions) => IDataObject);

async function targetFields(this: IExecuteSingleFunctions, targets: Target[]): Promise<IDataObject> {
	const fields: IDataObject = {};
	for (const target of targets) {
		if (typeof target === 'string') fields[target] = await locatorValue.call(this, target);
		else Object.assign(fields, target.call(this));
	}
	return fields;
}

function ahead(targets: Target[], outcome: IDataObject): Finish {
	return async function (this: IExecutePaginationFunctions, items: IDataObject[]) {
		const fields = { ...(await targetFields.call(this, targets)), ...outcome };
		// The service's own fields win: they say what happened.
		return items.map((item) => ({ ...fields, ...item }));
	};
}

/**
 * Puts what a status answer was about ahead of it: `{handle: "bob", following: true}` where the
 * service answers `{following: true}`. The keys are the parameters' names, as in failed items.
 */
export function naming(...targets: Target[]): Finish {
	return ahead(targets, {});
}

/** Puts what a delete removed ahead of the answer, with n8n's `deleted: true` (unless the service says otherwise). */
export function deletion(...targets: Target[]): Finish {
	return ahead(targets, { deleted: true });
}

/** The public page of an agent or a post on the service of `baseUrl`. */
export function pageUrl(baseUrl: string, kind: 'agent' | 'post', key: string): string {
	return `${baseUrl}/${kind}/${encodeURIComponent(key)}`;
}

/** Adds each post's public page (`url`) on the credential's service, unless the service gave one. */
export async function withPostUrl(this: IExecutePaginationFunctions, posts: IDataObject[]): Promise<IDataObject[]> {
	const baseUrl = await serviceUrl.call(this);
	return posts.map((post) =>
		post.url === undefined && (typeof post.id === 'string' || typeof post.id === 'number')
			? { ...post, url: pageUrl(baseUrl, 'post', String(post.id)) }
			: post,
	);
}
