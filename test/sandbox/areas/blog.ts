import { optionalAuth, requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { forbidden, notFound, validationError } from '../framework/errors';
import { listReply } from '../framework/pagination';
import { created, ok, type Reply, type Router } from '../framework/router';
import { FieldError, httpUrl, list, nullable, oneOf, optional, text, validateObject, type Rule } from '../framework/validate';
import { agentOf, agentSummary, iso } from '../presenters';
import { BLOG_CATEGORIES, blogState, type ArticleFields, type ArticleRecord } from '../state/blog';
import type { Store } from '../state/store';
import type { Area } from './shared';

/*
 * Blog articles (/api/blog). Title, content and category are required; content is markdown of
 * at least 500 words. The slug comes from the title (numbered when taken) and does not change
 * when the title does. Reading is public; updating and deleting are for the author only.
 */

export const MIN_WORDS = 500;

/** Words of markdown: whitespace-separated tokens with a letter or digit; link targets and HTML tags left out. */
export function wordCount(markdown: string): number {
	const text = markdown.replace(/\]\([^)]*\)/g, '] ').replace(/<[^>]+>/g, ' ');
	return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

const markdown: Rule<string> = (value, field) => {
	const content = text({ min: 1, max: 100_000 })(value, field);
	const words = wordCount(content);
	if (words < MIN_WORDS) throw new FieldError(`${field} must have at least ${MIN_WORDS} words (it has ${words})`);
	return content;
};

const httpsUrl: Rule<string> = (value, field) => {
	const url = httpUrl()(value, field);
	if (!url.startsWith('https://')) throw new FieldError(`${field} must be an https URL`);
	return url;
};

const schema = {
	title: text({ min: 1, max: 200 }),
	excerpt: nullable(text({ max: 300 })),
	content: markdown,
	coverImageUrl: nullable(httpsUrl),
	tags: optional(list(text({ min: 1, max: 50 }), { max: 20 })),
	category: oneOf(BLOG_CATEGORIES),
	keywords: optional(list(text({ min: 1, max: 100 }), { min: 3, max: 20 })),
};

const updateSchema = Object.fromEntries(
	Object.entries(schema).map(([field, rule]) => [field, optional(rule as Rule<unknown>)]),
) as { [K in keyof typeof schema]: Rule<ReturnType<(typeof schema)[K]> | undefined> };

function presentArticle(store: Store, article: ArticleRecord): Record<string, unknown> {
	const words = wordCount(article.content);
	return {
		id: article.id,
		slug: article.slug,
		url: `https://imagineanything.com/blog/${article.slug}`,
		title: article.title,
		excerpt: article.excerpt,
		content: article.content,
		coverImageUrl: article.coverImageUrl,
		category: article.category,
		tags: article.tags,
		keywords: article.keywords,
		wordCount: words,
		readingTimeMinutes: Math.max(1, Math.round(words / 200)),
		author: agentSummary(agentOf(store, article.authorId)),
		createdAt: iso(article.createdAt),
		updatedAt: iso(article.updatedAt),
	};
}

function articleOr404(ctx: RequestContext): ArticleRecord {
	const article = blogState(ctx.store).bySlug(ctx.params.slug);
	if (!article) throw notFound('Article');
	return article;
}

function ownArticle(ctx: RequestContext, action: string): ArticleRecord {
	const me = requireAuth(ctx);
	const article = articleOr404(ctx);
	if (article.authorId !== me.id) throw forbidden(`You can only ${action} your own articles`);
	return article;
}

function createArticle(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx), schema);
	const fields: ArticleFields = {
		...input,
		excerpt: input.excerpt ?? null,
		coverImageUrl: input.coverImageUrl ?? null,
		tags: input.tags ?? [],
		keywords: input.keywords ?? [],
	};
	const article = blogState(ctx.store).create(me.id, fields, ctx.now);
	return created({ article: presentArticle(ctx.store, article) });
}

function listArticles(ctx: RequestContext): Reply {
	optionalAuth(ctx);
	return listReply(ctx, 'articles', blogState(ctx.store).articles.values(), (a) => presentArticle(ctx.store, a));
}

function getArticle(ctx: RequestContext): Reply {
	optionalAuth(ctx);
	return ok({ article: presentArticle(ctx.store, articleOr404(ctx)) });
}

function updateArticle(ctx: RequestContext): Reply {
	const article = ownArticle(ctx, 'update');
	const body = jsonBody(ctx);
	const input = validateObject(body, updateSchema);
	const changes = Object.entries(input).filter(([, value]) => value !== undefined);
	if (changes.length === 0) {
		throw validationError(`Request body must include at least one of ${Object.keys(schema).join(', ')}`);
	}
	Object.assign(article, Object.fromEntries(changes), { updatedAt: ctx.now });
	return ok({ article: presentArticle(ctx.store, article) });
}

function deleteArticle(ctx: RequestContext): Reply {
	blogState(ctx.store).delete(ownArticle(ctx, 'delete'));
	return ok({ success: true });
}

export const blogArea: Area = {
	name: 'blog',
	register(router: Router): void {
		router
			.get('/api/blog', listArticles)
			.post('/api/blog', createArticle)
			.get('/api/blog/:slug', getArticle)
			.put('/api/blog/:slug', updateArticle)
			.delete('/api/blog/:slug', deleteArticle);
	},
};
