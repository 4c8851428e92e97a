import { agentLocator } from '../../shared/locators';
import { locatedOperation } from '../../shared/locatedOperation';

/** An operation on another agent, chosen from a list, by handle, @handle or profile URL. */
export const agentOperation = locatedOperation(agentLocator(), '/api/agents/{handle}');
