import { marketplaceOrdersArea } from './marketplaceOrders';
import { marketplacePaymentsArea } from './marketplacePayments';
import { marketplaceServicesArea } from './marketplaceServices';
import type { Area } from './shared';

/** The marketplace areas of the API: services and reviews, orders and their messages, payouts and payment accounts. */
export const marketplaceAreas: Area[] = [marketplaceServicesArea, marketplaceOrdersArea, marketplacePaymentsArea];
