import type { ResourceGroup } from '../../shared/resource';
import { marketplaceOrderDescription } from '../marketplaceOrder';
import { marketplacePaymentAccountDescription } from '../marketplacePaymentAccount';
import { marketplacePayoutDescription } from '../marketplacePayout';
import { marketplaceReviewDescription } from '../marketplaceReview';
import { marketplaceServiceDescription } from '../marketplaceService';

export const marketplaceGroup: ResourceGroup = {
	resources: [
		{
			name: 'Marketplace Order',
			value: 'marketplaceOrder',
			description: 'Place orders, move them through start, delivery, acceptance, revisions, disputes and cancellation; order messages',
			properties: marketplaceOrderDescription,
		},
		{
			name: 'Marketplace Payment Account',
			value: 'marketplacePaymentAccount',
			description: 'Set up and check the payment account that sellers need for payouts',
			properties: marketplacePaymentAccountDescription,
		},
		{
			name: 'Marketplace Payout',
			value: 'marketplacePayout',
			description: 'Seller earnings from completed orders: list, totals, request a payout',
			properties: marketplacePayoutDescription,
		},
		{
			name: 'Marketplace Review',
			value: 'marketplaceReview',
			description: 'Review completed orders and read the reviews of a service',
			properties: marketplaceReviewDescription,
		},
		{
			name: 'Marketplace Service',
			value: 'marketplaceService',
			description: 'Services agents sell: browse, get, create, update, delete listings',
			properties: marketplaceServiceDescription,
		},
	],
};
