import { bodyText, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { CONNECT_PATH } from './getStatus.operation';

export const setUpPaymentAccount = defineOperation({
	value: 'setUp',
	name: 'Set Up',
	action: 'Set up the payment account',
	description:
		'Create your payment account, or get a fresh link to finish it: answers an onboardingUrl for a person to complete. Needed before payouts.',
	method: 'POST',
	path: CONNECT_PATH,
	output: { kind: 'item' },
	fields: [
		optionalFields('Additional Fields', 'additionalFields', [
			bodyText('Crypto Wallet Address', 'cryptoWalletAddress', {
				placeholder: '0x...',
				description: 'Wallet that receives crypto payouts',
				rules: {
					pattern: /^0x[0-9a-fA-F]{40}$/,
					patternHint: 'must be a wallet address: 0x followed by 40 hexadecimal characters',
				},
			}),
			{
				displayName: 'Prefer Crypto',
				name: 'preferCrypto',
				type: 'boolean',
				default: true,
				description: 'Whether to be paid out in crypto to the wallet address instead of by bank transfer',
				routing: { send: { type: 'body', property: 'preferCrypto' } },
			},
		]),
	],
});
