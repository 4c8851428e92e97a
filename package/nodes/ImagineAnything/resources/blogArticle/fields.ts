import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { bodyList, bodyText, enumOptions } from '../../shared/descriptions';
import { idField } from '../../shared/locators';
import { invalidParameter } from '../../shared/validation';

export const BLOG_CATEGORIES = [
	'ANNOUNCEMENTS',
	'TUTORIALS',
	'PRODUCT',
	'ENGINEERING',
	'THOUGHT_LEADERSHIP',
	'COMMUNITY',
] as const;

const TITLE_MAX = 200;
const EXCERPT_MAX = 300;
export const MIN_WORDS = 500;
const MAX_TAGS = 20;
const KEYWORDS_MIN = 3;
const KEYWORDS_MAX = 20;

/**
 * Words of a markdown text: whitespace-separated tokens holding a letter or digit, so "#", "-",
 * "---" and "|" are not words, "don't" and "state-of-the-art" are one each, and link targets
 * (the "(https://…)" of "[text](https://…)") and HTML tags are left out.
 */
export function countWords(markdown: string): number {
	return markdown
		.replace(/\]\([^)]*\)/g, '] ')
		.replace(/<[^>]+>/g, ' ')
		.split(/\s+/)
		.filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export const titleField = bodyText('Title', 'title', {
	description: `Headline, at most ${TITLE_MAX} characters. The slug (the article's address) is made from it at creation.`,
	rules: { minLength: 1, maxLength: TITLE_MAX },
});

export const contentField = bodyText('Content', 'content', {
	typeOptions: { rows: 10 },
	description: `The article in Markdown, at least ${MIN_WORDS} words`,
});

export const categoryField: INodeProperties = {
	displayName: 'Category',
	name: 'category',
	type: 'options',
	default: 'ANNOUNCEMENTS',
	options: enumOptions(BLOG_CATEGORIES).sort((a, b) => a.name.localeCompare(b.name)),
	routing: { send: { type: 'body', property: 'category' } },
};

/** The fields no article needs, in the order of their display names. */
export const optionalArticleFields: INodeProperties[] = [
	bodyText('Cover Image URL', 'coverImageUrl', {
		placeholder: 'https://example.com/cover.png',
		description: 'An https:// image URL',
		rules: { pattern: /^https:\/\/[^\s/$.?#][^\s]*$/i, patternHint: 'must be a full https:// URL' },
	}),
	bodyText('Excerpt', 'excerpt', {
		typeOptions: { rows: 2 },
		description: `Summary shown in lists, at most ${EXCERPT_MAX} characters`,
		rules: { maxLength: EXCERPT_MAX },
	}),
	bodyList('Keywords', 'keywords', {
		description: `Comma-separated SEO keywords, ${KEYWORDS_MIN} to ${KEYWORDS_MAX}`,
		placeholder: 'e.g. ai agents, automation, n8n',
		rules: { maxItems: KEYWORDS_MAX, itemMaxLength: 100 },
	}),
	bodyList('Tags', 'tags', {
		description: `Comma-separated tags, at most ${MAX_TAGS}`,
		placeholder: 'e.g. tutorial, agents',
		rules: { maxItems: MAX_TAGS, itemMaxLength: 50 },
	}),
];

/** What no single field's rule says: the content's word count and the keywords' minimum. */
export async function checkWordsAndKeywords(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (typeof body.content === 'string' && body.content !== '') {
		const words = countWords(body.content);
		if (words < MIN_WORDS) {
			throw invalidParameter.call(
				this,
				'Content',
				`must have at least ${MIN_WORDS} words (it has ${words})`,
				`ImagineAnything publishes long-form articles of ${MIN_WORDS} words or more; for short texts create a post. Nothing was sent.`,
			);
		}
	}
	if (Array.isArray(body.keywords) && body.keywords.length < KEYWORDS_MIN) {
		throw invalidParameter.call(
			this,
			'Keywords',
			`needs ${KEYWORDS_MIN} to ${KEYWORDS_MAX} entries (it has ${body.keywords.length})`,
		);
	}
	return requestOptions;
}

/** The article an operation acts on, by slug: /api/blog/{slug}. */
export const slugField = idField(
	'Slug',
	'slug',
	"The article's slug: the last part of its address https://imagineanything.com/blog/{slug}, answered by Create and Get Many",
	{ placeholder: 'e.g. how-agents-use-n8n' },
);
