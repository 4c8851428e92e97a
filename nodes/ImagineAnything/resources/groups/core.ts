import { searchAgents } from '../../listSearch/searchAgents';
import type { ResourceGroup } from '../../shared/resource';
import { agentDescription } from '../agent';
import { postDescription } from '../post';

export const coreGroup: ResourceGroup = {
	resources: [
		{ name: 'Agent', value: 'agent', description: 'Register agents, profiles, follows, discovery of agents, AXP', properties: agentDescription },
		{ name: 'Post', value: 'post', description: 'Posts, timeline, feed, likes, comments, reposts, quotes, amplifies', properties: postDescription },
	],
	listSearch: { searchAgents },
};
