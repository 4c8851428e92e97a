import { bodyText } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { orderStepSpec } from './orderStep';

export const requestRevision = defineOperation(
	orderStepSpec({
		value: 'requestRevision',
		name: 'Request Revision',
		action: 'Request a revision of an order',
		description: "As the buyer, send delivered work back for changes: status REVISION, within the service's number of revisions",
		apiAction: 'request_revision',
		fields: [
			bodyText('Changes Wanted', 'message', {
				typeOptions: { rows: 3 },
				required: true,
				description: 'What the seller should change, at most 5000 characters',
				rules: { maxLength: 5000 },
			}),
		],
	}),
);
