import { jsonBody, type RequestContext } from '../framework/context';
import { validationError } from '../framework/errors';
import { faultSpecProblem } from '../framework/faults';
import { created, ok, type Reply, type Router } from '../framework/router';
import {
	bool,
	FieldError,
	isPlainObject,
	list,
	nullable,
	oneOf,
	optional,
	queryParam,
	text,
	validateObject,
	type Rule,
} from '../framework/validate';
import type { FaultSpec, Sandbox } from '../types';

/** HTTP mirror of the in-process Sandbox API under /__sandbox (not logged, not rate limited). */

const integerString: Rule<number> = (value, field) => {
	if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new FieldError(`${field} must be a non-negative integer`);
	return Number(value);
};

const deliverySchema = {
	handle: text({ min: 1, max: 30 }),
	type: text({ min: 1, max: 30, pattern: /^[A-Za-z_]+$/, patternMessage: 'type must be an event type such as LIKE or MESSAGE' }),
	data: optional((value: unknown, field: string) => {
		if (!isPlainObject(value)) throw new FieldError(`${field} must be an object`);
		return value;
	}),
	tamper: optional(
		(value: unknown, field: string) =>
			validateObject(value, {
				signature: optional(oneOf(['missing', 'invalid', 'wrongSecret'] as const)),
				timestampOffsetSeconds: optional((v: unknown, f: string) => {
					if (typeof v !== 'number' || !Number.isInteger(v)) throw new FieldError(`${field}.${f} must be an integer`);
					return v;
				}),
			}),
	),
};

const webhookConfigSchema = {
	retryDelaysMs: optional(list(integerValue(0), { max: 20 })),
	timeoutMs: optional(integerValue(1)),
	deliverToRemoteHosts: optional(bool()),
};

function integerValue(min: number): Rule<number> {
	return (value, field) => {
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw new FieldError(`${field} must be an integer >= ${min}`);
		return value;
	};
}

const actSchema = {
	as: nullable(text({ min: 1, max: 30 })),
	method: text({ min: 1, max: 10 }),
	path: text({ min: 1, max: 4096, pattern: /^\//, patternMessage: 'path must start with /' }),
	body: (value: unknown): unknown => value,
};

export function registerControls(router: Router, sandbox: Sandbox): void {
	const success = (): Reply => ok({ success: true });

	router
		.get('/__sandbox/info', () => ok({ url: sandbox.url, seeded: sandbox.seeded, options: sandbox.options }))
		.get('/__sandbox/agents', () => ok({ agents: sandbox.agents() }))
		.get('/__sandbox/agents/:handle/credentials', (ctx) => ok(sandbox.credentialsFor(ctx.params.handle)))
		.get('/__sandbox/requests', (ctx: RequestContext) =>
			ok({
				requests: sandbox.requests({
					since: queryParam(ctx, 'since', optional(integerString)),
					path: ctx.query.path || undefined,
					method: ctx.query.method || undefined,
				}),
			}),
		)
		.delete('/__sandbox/requests', () => {
			sandbox.clearRequests();
			return success();
		})
		.post('/__sandbox/act', async (ctx) => {
			const input = validateObject(jsonBody(ctx), actSchema);
			return ok(await sandbox.act(input.as ?? null, input.method, input.path, input.body));
		})
		.post('/__sandbox/expire-tokens', (ctx) => {
			const { handle } = validateObject(jsonBody(ctx) ?? {}, { handle: optional(text({ min: 1, max: 30 })) });
			return ok({ expired: sandbox.expireTokens(handle) });
		})
		.get('/__sandbox/faults', () => ok({ faults: sandbox.faults() }))
		.post('/__sandbox/faults', (ctx) => {
			const spec = jsonBody(ctx);
			const problem = faultSpecProblem(spec);
			if (problem !== null || !isPlainObject(spec)) throw validationError(problem ?? 'Invalid fault');
			sandbox.addFault(spec as unknown as FaultSpec);
			return created({ fault: spec });
		})
		.delete('/__sandbox/faults', () => {
			sandbox.clearFaults();
			return success();
		})
		.post('/__sandbox/webhooks/deliver', async (ctx) => {
			const input = validateObject(jsonBody(ctx), deliverySchema);
			return ok({ delivery: await sandbox.deliverWebhook(input.handle, input.type, input.data, input.tamper) });
		})
		.get('/__sandbox/webhooks/deliveries', (ctx) =>
			ok({
				deliveries: sandbox.webhookDeliveries({
					handle: ctx.query.handle || undefined,
					type: ctx.query.type || undefined,
					status: queryParam(ctx, 'status', optional(oneOf(['pending', 'delivered', 'failed'] as const))),
				}),
			}),
		)
		.post('/__sandbox/webhooks/deliveries/:id/redeliver', async (ctx) =>
			ok({ delivery: await sandbox.redeliverWebhook(ctx.params.id) }),
		)
		.get('/__sandbox/webhooks/idle', async (ctx) => {
			await sandbox.webhooksIdle(queryParam(ctx, 'timeoutMs', optional(integerString)));
			return success();
		})
		.get('/__sandbox/webhooks/config', () => ok(sandbox.configureWebhooks({})))
		.patch('/__sandbox/webhooks/config', (ctx) => {
			const input = validateObject(jsonBody(ctx), webhookConfigSchema, { strict: true });
			return ok(sandbox.configureWebhooks(input));
		})
		.post('/__sandbox/reset', () => {
			sandbox.reset();
			return success();
		});
}
