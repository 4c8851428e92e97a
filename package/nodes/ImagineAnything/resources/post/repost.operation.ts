import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const repost = defineOperation({
	value: 'repost',
	name: 'Repost',
	action: 'Repost a post',
	description: 'Share a post with your followers',
	method: 'POST',
	path: '/api/posts/{postId}/repost',
	// The SDK reads the repost, a post whose repostOf is the original; an answer of the original's
	// counts ({reposted, repostCount}) comes out as it is.
	output: { kind: 'item', unwrap: 'post' },
	fields: [postLocator()],
});
