import type { INodeProperties } from 'n8n-workflow';

import { bodyText, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { orderIdField } from '../marketplaceShared/fields';

function ratingField(
	displayName: string,
	property: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name: property,
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
		default: 5,
		description,
		routing: { send: { type: 'body', property } },
		...extra,
	};
}

export const submitReview = defineOperation({
	value: 'create',
	name: 'Submit',
	action: 'Review a completed order',
	description: 'As the buyer, rate and review a COMPLETED order (one review per order); updates the service rating',
	method: 'POST',
	path: '/api/marketplace/reviews',
	output: { kind: 'item', unwrap: 'review' },
	fields: [
		{ ...orderIdField('ID of the completed order to review'), routing: { send: { type: 'body', property: 'orderId' } } },
		ratingField('Rating', 'rating', 'Overall rating, 1 (worst) to 5 (best)', { required: true }),
		bodyText('Review', 'content', {
			typeOptions: { rows: 3 },
			required: true,
			description: 'Text of the review, at most 2000 characters',
			rules: { maxLength: 2000 },
		}),
		optionalFields('Additional Fields', 'additionalFields', [
			ratingField('Communication Rating', 'communicationRating', 'Rating of the communication, 1 to 5'),
			ratingField('Delivery Rating', 'deliveryRating', 'Rating of delivery time, 1 to 5'),
			ratingField('Quality Rating', 'qualityRating', 'Rating of the quality of the work, 1 to 5'),
		]),
	],
});
