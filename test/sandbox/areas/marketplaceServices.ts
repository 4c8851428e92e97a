import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { forbidden, notFound, validationError } from '../framework/errors';
import { listReply, pageBody, paginate, readPage, type SortKey } from '../framework/pagination';
import { created, ok, type Reply, type Router } from '../framework/router';
import { bool, boolString, httpUrl, list, nullable, oneOf, optional, queryParam, text, validateObject } from '../framework/validate';
import type { ServiceRecord } from '../state/marketplace';
import type { Area } from './shared';
import {
	findServiceOr404,
	integer,
	integerString,
	market,
	presentReview,
	presentService,
} from './marketplaceShared';

/*
 * Services and reviews. Browsing, service details and review lists need no token. Single
 * services answer wrapped in {service}; reviews in {review}. Categories are free text (the
 * platform's list is unknown), so any category is accepted and filtered by exact match.
 */

const MAX_PRICE_CENTS = 10_000_000;

const serviceFields = {
	title: text({ min: 1, max: 100 }),
	shortDesc: text({ min: 1, max: 200 }),
	description: text({ min: 1, max: 5000 }),
	price: integer(1, MAX_PRICE_CENTS, ' (cents)'),
	deliveryDays: integer(1, 365),
	revisions: integer(0, 100),
	category: text({ min: 1, max: 50 }),
	tags: list(text({ min: 1, max: 50 }), { max: 10 }),
	thumbnailUrl: httpUrl(),
	images: list(httpUrl(), { max: 10 }),
};

const createSchema = {
	...serviceFields,
	tags: optional(serviceFields.tags),
	thumbnailUrl: optional(serviceFields.thumbnailUrl),
	images: optional(serviceFields.images),
};

const updateSchema = {
	title: optional(serviceFields.title),
	shortDesc: optional(serviceFields.shortDesc),
	description: optional(serviceFields.description),
	price: optional(serviceFields.price),
	deliveryDays: optional(serviceFields.deliveryDays),
	revisions: optional(serviceFields.revisions),
	category: optional(serviceFields.category),
	tags: optional(serviceFields.tags),
	thumbnailUrl: nullable(serviceFields.thumbnailUrl),
	images: optional(serviceFields.images),
	isActive: optional(bool()),
};

const SORT_FIELDS = ['createdAt', 'price', 'avgRating', 'orderCount'] as const;

function ownService(ctx: RequestContext): ServiceRecord {
	const me = requireAuth(ctx);
	const service = findServiceOr404(ctx);
	if (service.agentId !== me.id) throw forbidden('You can only change your own services');
	return service;
}

function browse(ctx: RequestContext): Reply {
	const category = ctx.query.category || undefined;
	const search = ctx.query.search?.trim().toLowerCase() ?? '';
	const featured = queryParam(ctx, 'featured', optional(boolString()));
	const minPrice = queryParam(ctx, 'minPrice', optional(integerString()));
	const maxPrice = queryParam(ctx, 'maxPrice', optional(integerString()));
	const sortBy = queryParam(ctx, 'sortBy', optional(oneOf(SORT_FIELDS))) ?? 'createdAt';
	const sortOrder = queryParam(ctx, 'sortOrder', optional(oneOf(['asc', 'desc'] as const))) ?? 'desc';
	const state = market(ctx);
	const services = [...state.services.values()].filter(
		(s) =>
			s.isActive &&
			(category === undefined || s.category === category) &&
			(featured === undefined || s.featured === featured) &&
			(minPrice === undefined || s.price >= minPrice) &&
			(maxPrice === undefined || s.price <= maxPrice) &&
			(search === '' ||
				[s.title, s.shortDesc, s.description, ...s.tags].some((t) => t.toLowerCase().includes(search))),
	);
	const sign = sortOrder === 'asc' ? -1 : 1;
	const sortKey = (s: ServiceRecord): SortKey => {
		const stats = state.serviceStats(s.id);
		const primary = { createdAt: s.seq, price: s.price, avgRating: stats.avgRating ?? 0, orderCount: stats.orderCount }[sortBy];
		return [sign * primary, sign * s.seq];
	};
	const page = paginate(services, sortKey, readPage(ctx));
	return ok(pageBody('services', page, (s) => presentService(ctx.store, s)));
}

function getService(ctx: RequestContext): Reply {
	const service = findServiceOr404(ctx);
	const state = market(ctx);
	const reviews = state.reviewsOf(service.id).sort((a, b) => b.seq - a.seq).slice(0, 10);
	return ok({
		service: {
			...presentService(ctx.store, service),
			reviews: reviews.map((r) => presentReview(ctx.store, r)),
			agentStats: state.agentStats(service.agentId),
		},
	});
}

function createService(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx), createSchema);
	const service = market(ctx).createService(me.id, { ...input, tags: input.tags ?? [] }, ctx.now);
	return created({ service: presentService(ctx.store, service) });
}

function updateService(ctx: RequestContext): Reply {
	const service = ownService(ctx);
	const body = jsonBody(ctx);
	const input = validateObject(body, updateSchema, { strict: true });
	if (Object.keys(body as object).length === 0) throw validationError('Request body must include at least one field to change');
	for (const [field, value] of Object.entries(input)) {
		if (value !== undefined) Object.assign(service, { [field]: value });
	}
	service.updatedAt = ctx.now;
	return ok({ service: presentService(ctx.store, service) });
}

function deleteService(ctx: RequestContext): Reply {
	const result = market(ctx).deleteService(ownService(ctx), ctx.now);
	const message = result.deleted
		? 'Service deleted'
		: 'The service has active orders, so it was deactivated instead of deleted';
	return ok({ ...result, message });
}

// ---- reviews ----------------------------------------------------------------------------

const reviewSchema = {
	orderId: text({ min: 1, max: 100 }),
	rating: integer(1, 5),
	content: text({ min: 1, max: 2000 }),
	qualityRating: optional(integer(1, 5)),
	communicationRating: optional(integer(1, 5)),
	deliveryRating: optional(integer(1, 5)),
};

function submitReview(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const { orderId, ...input } = validateObject(jsonBody(ctx), reviewSchema);
	const state = market(ctx);
	const { order, role } = state.orderFor(orderId, me.id);
	const review = state.addReview(order, role, input, ctx.now);
	return created({ review: presentReview(ctx.store, review) });
}

function listReviews(ctx: RequestContext): Reply {
	const serviceId = queryParam(ctx, 'serviceId', text({ min: 1, max: 100 }));
	const state = market(ctx);
	const reviews = state.reviewsOf(serviceId);
	if (!state.services.has(serviceId) && reviews.length === 0) throw notFound('Service');
	return listReply(ctx, 'reviews', reviews, (r) => presentReview(ctx.store, r));
}

export const marketplaceServicesArea: Area = {
	name: 'marketplace services and reviews',
	register(router: Router): void {
		router
			.get('/api/marketplace/services', browse)
			.post('/api/marketplace/services', createService)
			.get('/api/marketplace/services/:id', getService)
			.patch('/api/marketplace/services/:id', updateService)
			.delete('/api/marketplace/services/:id', deleteService)
			.get('/api/marketplace/reviews', listReviews)
			.post('/api/marketplace/reviews', submitReview);
	},
};
