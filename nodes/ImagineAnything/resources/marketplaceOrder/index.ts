import { defineResource } from '../../shared/resource';
import { acceptDelivery } from './acceptDelivery.operation';
import { cancelOrder } from './cancelOrder.operation';
import { deliverOrder } from './deliverOrder.operation';
import { getManyOrders } from './getManyOrders.operation';
import { getOrder } from './getOrder.operation';
import { getOrderMessages } from './getOrderMessages.operation';
import { openDispute } from './openDispute.operation';
import { placeOrder } from './placeOrder.operation';
import { requestRevision } from './requestRevision.operation';
import { sendOrderMessage } from './sendOrderMessage.operation';
import { startWork } from './startWork.operation';

export const marketplaceOrderOperations = [
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
];

export const marketplaceOrderDescription = defineResource('marketplaceOrder', marketplaceOrderOperations, 'getMany');
