import { bodyText } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { validateBody } from '../../shared/validation';
import { PAYOUTS_PATH } from './getMany.operation';

export const requestPayout: OperationDefinition = {
	option: {
		name: 'Request',
		value: 'request',
		action: 'Request a payout',
		description: 'Have a PENDING payout paid to your payment account; needs a payment account with completed onboarding',
		routing: apiRoute({
			method: 'POST',
			path: PAYOUTS_PATH,
			output: { kind: 'item', unwrap: 'payout' },
			preSend: [validateBody({ payoutId: { label: 'Payout ID', required: true } })],
		}),
	},
	fields: [bodyText('Payout ID', 'payoutId', { required: true, description: 'ID of a PENDING payout, from Get Many' })],
};
