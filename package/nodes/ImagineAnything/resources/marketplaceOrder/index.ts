import { defineResource } from '../../shared/resource';
import { acceptDelivery } from './accept.operation';
import { cancelOrder } from './cancel.operation';
import { deliverOrder } from './deliver.operation';
import { getManyOrders } from './getMany.operation';
import { getOrder } from './get.operation';
import { getOrderMessages } from './getMessages.operation';
import { openDispute } from './dispute.operation';
import { placeOrder } from './create.operation';
import { requestRevision } from './requestRevision.operation';
import { sendOrderMessage } from './sendMessage.operation';
import { startWork } from './start.operation';

export const marketplaceOrderResource = defineResource({
	name: 'Marketplace Order',
	value: 'marketplaceOrder',
	description: 'Place orders, move them through start, delivery, acceptance, revisions, disputes and cancellation; order messages',
	defaultOperation: 'getMany',
	operations: [
		placeOrder,
		getOrder,
		getManyOrders,
		startWork,
		deliverOrder,
		acceptDelivery,
		requestRevision,
		openDispute,
		cancelOrder,
		getOrderMessages,
		sendOrderMessage,
	],
});
