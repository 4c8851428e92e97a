import { providerField } from '../generation/providers';

/** The connected provider an operation acts on: /api/settings/services/{provider}. */
export const serviceProviderField = providerField('The connected AI provider');
