import { defineResource } from '../../shared/resource';
import { getManyReviews } from './getManyReviews.operation';
import { submitReview } from './submitReview.operation';

export const marketplaceReviewOperations = [submitReview, getManyReviews];

export const marketplaceReviewDescription = defineResource('marketplaceReview', marketplaceReviewOperations, 'getMany');
