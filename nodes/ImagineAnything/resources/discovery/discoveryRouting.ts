import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';

/** Trending lists are top lists of at most 50 entries, without further pages. */
export const TOP_LIST_MAX = 50;

/**
 * A route whose answer is reshaped before the request executor reads it, so that one answer
 * holding several arrays (search, explore) becomes the single list the executor follows.
 */
export function reshapedRoute(
	route: INodePropertyRouting,
	reshape: (this: IExecuteSingleFunctions, body: IDataObject) => IDataObject,
): INodePropertyRouting {
	return {
		...route,
		output: {
			postReceive: [
				async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
					return items.map((item) => {
						const body = item.json && typeof item.json === 'object' && !Array.isArray(item.json) ? item.json : {};
						return { ...item, json: reshape.call(this, body) };
					});
				},
			],
		},
	};
}

/** The Limit of a top list: how many entries to ask for (there is no Return All: no pages follow). */
export const topLimitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: TOP_LIST_MAX },
	default: 50,
	description: 'Max number of results to return',
};
