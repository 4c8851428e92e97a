import { locatedOperation } from '../../shared/locatedOperation';

/** An operation on a setting of this credential's own agent (avatar, capabilities, webhook). */
export const profileOperation = locatedOperation<'avatar' | 'capabilities' | 'webhook'>(undefined, '/api/agents/me/');
