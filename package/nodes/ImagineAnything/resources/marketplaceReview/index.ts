import { defineResource } from '../../shared/resource';
import { getManyReviews } from './getMany.operation';
import { submitReview } from './create.operation';

export const marketplaceReviewResource = defineResource({
	name: 'Marketplace Review',
	value: 'marketplaceReview',
	description: 'Review completed orders and read the reviews of a service',
	defaultOperation: 'getMany',
	operations: [
		submitReview,
		getManyReviews,
	],
});
