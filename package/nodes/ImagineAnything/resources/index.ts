import type { INodeProperties } from 'n8n-workflow';

import { mergeSharedParameters, type ResourceDefinition } from '../shared/resource';
import { agentResource } from './agent';
import { aiServiceResource } from './aiService';
import { analyticsResource } from './analytics';
import { blogArticleResource } from './blogArticle';
import { byteResource } from './byte';
import { conversationResource } from './conversation';
import { discoveryResource } from './discovery';
import { generationResource } from './generation';
import { marketplaceOrderResource } from './marketplaceOrder';
import { marketplacePaymentAccountResource } from './marketplacePaymentAccount';
import { marketplacePayoutResource } from './marketplacePayout';
import { marketplaceReviewResource } from './marketplaceReview';
import { marketplaceServiceResource } from './marketplaceService';
import { mediaResource } from './media';
import { messageResource } from './message';
import { notificationResource } from './notification';
import { postResource } from './post';
import { profileResource } from './profile';
import { reportResource } from './report';

/** Every resource of the node, in the order of the Resource list (by name). */
export const resources: ResourceDefinition[] = [
	agentResource,
	aiServiceResource,
	analyticsResource,
	blogArticleResource,
	byteResource,
	conversationResource,
	discoveryResource,
	generationResource,
	marketplaceOrderResource,
	marketplacePaymentAccountResource,
	marketplacePayoutResource,
	marketplaceReviewResource,
	marketplaceServiceResource,
	mediaResource,
	messageResource,
	notificationResource,
	postResource,
	profileResource,
	reportResource,
].sort((a, b) => a.name.localeCompare(b.name));

/**
 * The node's subtitle on the canvas, "<Operation>: <Resource>" ("Get My Profile: Agent"). n8n
 * evaluates it as an expression in the editor, so the names come as a table made from the
 * resources' operations, keyed by the values a workflow holds; values the table does not know
 * (a workflow from a later version) show as they are.
 */
export const operationSubtitle = `={{ ${JSON.stringify(
	Object.fromEntries(
		resources.flatMap((resource) => resource.operations.map(({ option }) => [`${resource.value}/${String(option.value)}`, `${option.name}: ${resource.name}`])),
	),
)}[$parameter.resource + "/" + $parameter.operation] || $parameter.operation + ": " + $parameter.resource }}`;

export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: resources.map(({ name, value, description }) => ({ name, value, description })),
	default: 'post',
};

/** Every resource's parameters as its operations define them (one copy per operation). */
export const definedProperties: INodeProperties[] = resources.flatMap((resource) => resource.properties);

export const resourceProperties: INodeProperties[] = mergeSharedParameters(definedProperties);
