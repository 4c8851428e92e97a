import { bodyText } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { PAYOUTS_PATH } from './getMany.operation';

export const requestPayout = defineOperation({
	value: 'request',
	name: 'Request',
	action: 'Request a payout',
	description: 'Have a PENDING payout paid to your payment account; needs a payment account with completed onboarding',
	method: 'POST',
	path: PAYOUTS_PATH,
	output: { kind: 'item', unwrap: 'payout' },
	fields: [bodyText('Payout ID', 'payoutId', { required: true, description: 'ID of a PENDING payout, from Get Many' })],
});
