import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { ImagineAnythingApi } from '../../package/credentials/ImagineAnythingApi.credentials';

export const CREDENTIAL_TYPE = 'imagineAnythingApi';

const credentialTypes: Record<string, ICredentialType> = {
	[CREDENTIAL_TYPE]: new ImagineAnythingApi(),
};

export interface PreAuthenticationCall {
	credentialId: string;
	expired: boolean;
	tokenBefore: string;
	tokenAfter?: string;
}

/**
 * The part of n8n's server-side CredentialsHelper that the engine calls while a node runs:
 * decrypting (here: a plain map), the generic `authenticate` block, and `preAuthentication`
 * for an expirable property, persisting the new token the way n8n writes it to its database.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, ICredentialDataDecryptedObject>();

	private nextId = 1;

	readonly preAuthenticationCalls: PreAuthenticationCall[] = [];

	/** Times a token was written back to the credential (n8n writes its database each time). */
	storeWrites = 0;

	add(data: ICredentialDataDecryptedObject): INodeCredentialsDetails {
		const id = String(this.nextId++);
		this.store.set(id, { accessToken: '', ...data });
		return { id, name: `ImagineAnything account ${id}` };
	}

	data(id: string): ICredentialDataDecryptedObject {
		const data = this.store.get(id);
		if (!data) throw new Error(`No test credential ${id}`);
		return data;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypes[typeName];
		const options = requestOptions as IHttpRequestOptions;
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, options);
		if (typeof type.authenticate === 'object' && type.authenticate.type === 'generic') {
			for (const [outerKey, entries] of Object.entries(type.authenticate.properties)) {
				const target = ((options as unknown as Record<string, Record<string, unknown>>)[outerKey] ??= {});
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					target[key] = workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials },
						undefined,
						'',
					);
				}
			}
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypes[typeName];
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const credentialId = node.credentials?.[typeName]?.id ?? '';
		const call: PreAuthenticationCall = {
			credentialId,
			expired: credentialsExpired,
			tokenBefore: String(credentials[expirable.name] ?? ''),
		};
		this.preAuthenticationCalls.push(call);
		this.storeWrites++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		call.tokenAfter = String(output[expirable.name]);
		if (credentialId && this.store.has(credentialId)) {
			this.store.set(credentialId, { ...this.store.get(credentialId), ...(output as ICredentialDataDecryptedObject) });
		}
		return Object.assign(credentials, output);
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials is not used by the engine in these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data(nodeCredentials.id ?? '') };
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(nodeCredentials.id ?? '', { ...data });
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}
