import { locatedOperation } from '../../shared/locatedOperation';
import { providerField } from '../generation/providers';

/** An operation on one connected provider: /api/settings/services/{provider}. */
export const serviceOperation = locatedOperation(
	providerField('The connected AI provider'),
	'/api/settings/services/{provider}',
);
