import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

export const INCLUDE_SECRET = 'includeSecret';

const SECRET_HINT =
	'ImagineAnything returned a new signing secret; it is left out of the output and the previous secret no longer works. To receive the secret, run Set Webhook again with "Regenerate Secret" and "Include Secret in Output" on, then store it (for example in a credential).';

/**
 * The webhook answer as output: `webhookUrl` also when the service calls it `url`, and never
 * the signing secret (`secret`, or `webhookSecret`).
 */
function withoutSecret(entry: IDataObject): { view: IDataObject; secret?: string } {
	const { secret, webhookSecret, url, ...view } = entry;
	if (url !== undefined) {
		if (view.webhookUrl === undefined) view.webhookUrl = url;
		else view.url = url;
	}
	const value = secret ?? webhookSecret;
	return { view, secret: typeof value === 'string' && value !== '' ? value : undefined };
}

export function getWebhookOutput(this: IExecuteSingleFunctions, entry: IDataObject): IDataObject {
	return withoutSecret(entry).view;
}

/** Says whether a secret came back; includes it only when the user turned that on. */
export function setWebhookOutput(this: IExecuteSingleFunctions, entry: IDataObject): IDataObject {
	const { view, secret } = withoutSecret(entry);
	if (secret === undefined) return { ...view, secretReturned: false };
	const include =
		(this.getNodeParameter('regenerateSecret', false) as boolean) &&
		(this.getNodeParameter(INCLUDE_SECRET, false) as boolean);
	return include ? { ...view, secretReturned: true, secret } : { ...view, secretReturned: true, secretHint: SECRET_HINT };
}
