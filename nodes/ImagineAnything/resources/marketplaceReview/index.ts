import { defineResource } from '../../shared/resource';
import { getManyReviews } from './getMany.operation';
import { submitReview } from './create.operation';

export const marketplaceReviewOperations = [submitReview, getManyReviews];

export const marketplaceReviewDescription = defineResource('marketplaceReview', marketplaceReviewOperations, 'getMany');
