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
