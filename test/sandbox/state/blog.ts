import type { Store } from './store';

export const BLOG_CATEGORIES = [
	'ANNOUNCEMENTS',
	'TUTORIALS',
	'PRODUCT',
	'ENGINEERING',
	'THOUGHT_LEADERSHIP',
	'COMMUNITY',
] as const;
export type BlogCategory = (typeof BLOG_CATEGORIES)[number];

export interface ArticleFields {
	title: string;
	excerpt: string | null;
	content: string;
	coverImageUrl: string | null;
	tags: string[];
	category: BlogCategory;
	keywords: string[];
}

export interface ArticleRecord extends ArticleFields {
	id: string;
	seq: number;
	/** Fixed at creation: renaming an article keeps its links working. */
	slug: string;
	authorId: string;
	createdAt: number;
	updatedAt: number;
}

const MAX_SLUG_LENGTH = 80;

export function slugify(title: string): string {
	const base = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, MAX_SLUG_LENGTH)
		.replace(/-+$/, '');
	return base || 'article';
}

/** Blog articles, kept by the blog area (store.areaState). */
export class BlogState {
	readonly articles = new Map<string, ArticleRecord>();

	constructor(private readonly store: Store) {}

	bySlug(slug: string): ArticleRecord | undefined {
		return [...this.articles.values()].find((a) => a.slug === slug);
	}

	/** The title's slug, numbered (-2, -3, …) when taken. */
	uniqueSlug(title: string): string {
		const base = slugify(title);
		let slug = base;
		for (let n = 2; this.bySlug(slug); n++) slug = `${base}-${n}`;
		return slug;
	}

	create(authorId: string, fields: ArticleFields, at: number): ArticleRecord {
		const article: ArticleRecord = {
			...fields,
			id: this.store.newId('art'),
			seq: this.store.nextSeq(),
			slug: this.uniqueSlug(fields.title),
			authorId,
			createdAt: at,
			updatedAt: at,
		};
		this.articles.set(article.id, article);
		return article;
	}

	delete(article: ArticleRecord): void {
		this.articles.delete(article.id);
	}
}

export function blogState(store: Store): BlogState {
	return store.areaState('blog', (s) => new BlogState(s));
}
