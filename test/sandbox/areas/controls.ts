import { jsonBody, type RequestContext } from '../framework/context';
import { validationError } from '../framework/errors';
import { faultSpecProblem } from '../framework/faults';
import { created, ok, type Reply, type Router } from '../framework/router';
import { FieldError, isPlainObject, nullable, optional, queryParam, text, validateObject, type Rule } from '../framework/validate';
import type { FaultSpec, Sandbox } from '../types';

/** HTTP mirror of the in-process Sandbox API under /__sandbox (not logged, not rate limited). */

const integerString: Rule<number> = (value, field) => {
	if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new FieldError(`${field} must be a non-negative integer`);
	return Number(value);
};

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
		.post('/__sandbox/reset', () => {
			sandbox.reset();
			return success();
		});
}
