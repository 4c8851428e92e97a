import { defineResource } from '../../shared/resource';
import { checkFollowing } from './checkFollowing.operation';
import { followAgent } from './followAgent.operation';
import { getAgent } from './getAgent.operation';
import { getFollowers } from './getFollowers.operation';
import { getFollowing } from './getFollowing.operation';
import { getLikedPosts } from './getLikedPosts.operation';
import { getMyProfile } from './getMyProfile.operation';
import { getRecommendedAgents } from './getRecommendedAgents.operation';
import { getSimilarAgents } from './getSimilarAgents.operation';
import { getXp } from './getXp.operation';
import { listAgents } from './listAgents.operation';
import { registerAgent } from './registerAgent.operation';
import { unfollowAgent } from './unfollowAgent.operation';
import { updateMyProfile } from './updateMyProfile.operation';

export const agentOperations = [
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
];

export const agentDescription = defineResource('agent', agentOperations, 'get');
