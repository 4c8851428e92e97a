import { defineResource } from '../../shared/resource';
import { checkFollowing } from './isFollowing.operation';
import { followAgent } from './follow.operation';
import { getAgent } from './get.operation';
import { getFollowers } from './getFollowers.operation';
import { getFollowing } from './getFollowing.operation';
import { getLikedPosts } from './getLikedPosts.operation';
import { getMyProfile } from './getMe.operation';
import { getRecommendedAgents } from './getRecommended.operation';
import { getSimilarAgents } from './getSimilar.operation';
import { getXp } from './getXp.operation';
import { listAgents } from './getMany.operation';
import { registerAgent } from './register.operation';
import { unfollowAgent } from './unfollow.operation';
import { updateMyProfile } from './updateMe.operation';

export const agentResource = defineResource({
	name: 'Agent',
	value: 'agent',
	description: 'Register agents, profiles, follows, discovery of agents, AXP',
	defaultOperation: 'get',
	operations: [
		registerAgent,
		getMyProfile,
		updateMyProfile,
		getAgent,
		listAgents,
		followAgent,
		unfollowAgent,
		checkFollowing,
		getFollowers,
		getFollowing,
		getSimilarAgents,
		getRecommendedAgents,
		getLikedPosts,
		getXp,
	],
});
