import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeParameters, INodePropertyOptions, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { ImagineAnything } from '../package/nodes/ImagineAnything/ImagineAnything.node';
import { LIST_UNAVAILABLE } from '../package/nodes/ImagineAnything/resources/generation/params';
import { apiCalls, createTestEnv, type TestEnv } from './env';
import { CREDENTIAL_TYPE } from './harness/credentials';
import { PACKAGE, TestNodeTypes } from './harness/run';
import { generationState, JOB_TIMEOUT_MS } from './sandbox/state/generation';

const STAGE_MS = 20;
const generation = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'generation', operation, ...extra });
const start = (extra: Record<string, unknown> = {}) =>
	generation('start', { provider: 'OPENAI', generationType: 'image', prompt: 'A red fox in the snow', ...extra });
const waiting = { waitForCompletion: true, maxWaitSeconds: 10, pollIntervalSeconds: 1 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Generation resource', () => {
	let env: TestEnv;

	const me = () => env.sandbox.seeded.handle;
	const jobs = () => generationState(env.sandbox.store).jobs;
	/** Lets every running job finish (a "slow" one is failed by the 5-minute rule), so each test has all 3 slots. */
	const settle = async () => {
		for (const job of jobs().values()) if (/\bslow\b/.test(job.prompt)) job.startedAt -= JOB_TIMEOUT_MS;
		const agentId = env.sandbox.store.agentByHandle(me())!.id;
		const running = generationState(env.sandbox.store).activeJobsOf(agentId, Date.now(), STAGE_MS);
		const doneAt = Math.max(0, ...running.map((job) => job.startedAt + STAGE_MS * 3 + 5));
		if (doneAt > Date.now()) await pause(doneAt - Date.now());
	};

	beforeAll(async () => {
		// More jobs start here than the 30 writes a minute allow; rateLimit.test.ts covers the limits.
		env = await createTestEnv({ generationStageMs: STAGE_MS, rateLimits: { write: 200 } });
		for (const [provider, apiKey] of [
			['OPENAI', 'sk-proj-generation-test-000001'],
			['RUNWARE', 'rw-generation-test-key-000000001'],
			['ELEVENLABS', 'sk_generation_test_key_00000001'],
		]) {
			const answer = await env.sandbox.act(me(), 'POST', '/api/settings/services', { provider, apiKey });
			expect(answer.status).toBe(201);
		}
	});
	afterAll(async () => await env.close());
	beforeEach(async () => {
		await settle();
		env.mark();
	});

	describe('start', () => {
		it('starts a job and answers its ID at once', async () => {
			const result = await env.run(start({ content: 'A fox! #AIArt' }));
			expect(result.error).toBeUndefined();
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'POST', path: '/api/generate', status: 202 });
			expect(call.body).toEqual({ provider: 'OPENAI', generationType: 'image', prompt: 'A red fox in the snow', content: 'A fox! #AIArt' });
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toEqual({ jobId: expect.stringMatching(/^gen_/), status: 'pending' });
		});

		it('sends the model and the provider options as params', async () => {
			const result = await env.run(
				start({
					provider: 'RUNWARE',
					generationType: 'video',
					model: 'klingai:5@3',
					providerOptions: {
						aspectRatio: '16:9',
						durationSeconds: 5,
						referenceImageUrl: 'https://example.com/frame.png',
						cfgScale: 7,
						rawParams: '{"seed": 42, "CFGScale": 8}',
					},
				}),
			);
			expect(result.error).toBeUndefined();
			expect(env.onlyCall().body).toEqual({
				provider: 'RUNWARE',
				generationType: 'video',
				prompt: 'A red fox in the snow',
				model: 'klingai:5@3',
				params: { aspectRatio: '16:9', duration: 5, referenceImage: 'https://example.com/frame.png', CFGScale: 8, seed: 42 },
			});
		});

		it.each([
			['OPENAI', 'image', { size: '1536x1024', quality: 'high' }, { size: '1536x1024', quality: 'high' }],
			['GOOGLE_GEMINI', 'image', { aspectRatio: '16:9' }, { aspect_ratio: '16:9' }],
			['RUNWARE', 'image', { width: 768, height: 512 }, { width: 768, height: 512 }],
			['ELEVENLABS', 'sound_effect', { durationSeconds: 3 }, { duration_seconds: 3 }],
			['ELEVENLABS', 'music', { durationSeconds: 12.5 }, { music_length_ms: 12500 }],
		])('maps provider options for %s %s', async (provider, generationType, providerOptions, params) => {
			// Only the request matters here: Gemini is not connected, so the service refuses it.
			await env.run(start({ provider, generationType, providerOptions }), { continueOnFail: true });
			expect(env.onlyCall().body).toMatchObject({ provider, generationType, params });
		});

		it('sends the chosen voice as params.voice_id', async () => {
			const result = await env.run(
				start({ provider: 'ELEVENLABS', generationType: 'voice', prompt: 'Hello agents!', voiceId: 'EXAVITQu4vr4xnSDxMaL' }),
			);
			expect(result.error).toBeUndefined();
			expect(env.onlyCall().body).toEqual({
				provider: 'ELEVENLABS',
				generationType: 'voice',
				prompt: 'Hello agents!',
				params: { voice_id: 'EXAVITQu4vr4xnSDxMaL' },
			});
		});

		it('names Connected AI Service → Connect when the provider is not connected', async () => {
			const result = await env.run(start({ provider: 'GOOGLE_GEMINI' }));
			expect(env.onlyCall().status).toBe(400);
			expect(result.error?.message).toBe(
				'Google Gemini is not connected to this agent: connect its API key with Connected AI Service → Connect (Provider: Google Gemini)',
			);
			expect(result.error?.description).toMatch(/^Run Connected AI Service → Connect \(Provider: Google Gemini\) once with your Google Gemini API key/);
			expect(result.error?.description).toContain('ImagineAnything answered: "No GOOGLE_GEMINI service is connected.');
			expect(result.error?.description).not.toContain('Correct the parameter');
		});

		it('names Connected AI Service → Toggle when the provider is turned off, also for Retry', async () => {
			const failedJob = await env.sandbox.act(me(), 'POST', '/api/generate', { provider: 'RUNWARE', generationType: 'image', prompt: 'Please fail' });
			await env.sandbox.act(me(), 'PATCH', '/api/settings/services/RUNWARE', { isActive: false });
			try {
				await pause(STAGE_MS * 2);
				const toggle = 'Runware is turned off for this agent: turn it on with Connected AI Service → Toggle (Provider: Runware)';
				env.mark();
				const started = await env.run(start({ provider: 'RUNWARE' }));
				expect(env.onlyCall()).toMatchObject({ path: '/api/generate', status: 400 });
				expect(started.error?.message).toBe(toggle);
				expect(started.error?.description).toMatch(/^Run Connected AI Service → Toggle \(Provider: Runware\) once with Active on\./);

				env.mark();
				const retried = await env.run(generation('retry', { jobId: failedJob.body.jobId }));
				expect(env.onlyCall()).toMatchObject({ path: `/api/generate/${failedJob.body.jobId}/retry`, status: 400 });
				expect(retried.error?.message).toBe(toggle);
			} finally {
				await env.sandbox.act(me(), 'PATCH', '/api/settings/services/RUNWARE', { isActive: true });
			}
		});

		it('keeps the parameter hint for other 400s of the service', async () => {
			const result = await env.run(start({ model: 'dall-e-9' }));
			expect(env.onlyCall().status).toBe(400);
			expect(result.error?.message).toBe('"Model Name or ID" Unknown model "dall-e-9" for OPENAI image; see GET /api/generate/models');
			expect(result.error?.description).toMatch(/^ImagineAnything rejected the values sent\. Correct the parameter the message names/);
		});

		it('sends no voice for Provider Default, and the service speaks with its default voice', async () => {
			const result = await env.run(start({ provider: 'ELEVENLABS', generationType: 'voice', prompt: 'Hello agents!', voiceId: '' }));
			expect(result.error).toBeUndefined();
			expect(env.onlyCall()).toMatchObject({ status: 202, body: { provider: 'ELEVENLABS', generationType: 'voice', prompt: 'Hello agents!' } });
			expect(env.onlyCall().body).not.toHaveProperty('params');
			expect(jobs().get(String(result.items[0].json.jobId))?.params).toEqual({ voice_id: '21m00Tcm4TlvDq8ikWAM' });
		});

		it.each([
			['a prompt of 1001 characters', { prompt: 'x'.repeat(1001) }, /"Prompt" must be at most 1000 characters \(it has 1001\)/],
			['post text of 501 characters', { content: 'y'.repeat(501) }, /"Post Text" must be at most 500 characters \(it has 501\)/],
			['voice on OpenAI', { generationType: 'voice' }, /"Generation Type" is "Voice", which OpenAI cannot generate/],
			['image on ElevenLabs', { provider: 'ELEVENLABS', generationType: 'image' }, /"Generation Type" is "Image", which ElevenLabs cannot generate/],
			['a Runware option on OpenAI', { providerOptions: { width: 512 } }, /"Width \(Pixels\)" does not apply to OpenAI image generation/],
			[
				'an aspect ratio Runware video lacks',
				{ provider: 'RUNWARE', generationType: 'video', providerOptions: { aspectRatio: '4:3' } },
				/"Aspect Ratio" must be one of 9:16, 16:9, 1:1/,
			],
			['broken raw params JSON', { providerOptions: { rawParams: '{"size": ' } }, /"Raw Params \(JSON\)" is not valid JSON/],
			['raw params that are no object', { providerOptions: { rawParams: '[1, 2]' } }, /"Raw Params \(JSON\)" must be a JSON object/],
			['a blank prompt for voice', { provider: 'ELEVENLABS', generationType: 'voice', prompt: ' ' }, /"Prompt" is required/],
			['a provider set by expression that does not exist', { provider: '={{ "MIDJOURNEY" }}' }, /"Provider" must be one of OPENAI, RUNWARE, GOOGLE_GEMINI, ELEVENLABS \(got "MIDJOURNEY"\)/],
			['the "cannot list models" entry as model', { model: LIST_UNAVAILABLE }, /"Model Name or ID" is the entry saying that the models could not be listed/],
			[
				'the "cannot list voices" entry as voice',
				{ provider: 'ELEVENLABS', generationType: 'voice', voiceId: LIST_UNAVAILABLE },
				/"Voice Name or ID" is the entry saying that the voices could not be listed/,
			],
		])('refuses %s before sending anything', async (_case, parameters, message) => {
			const result = await env.run(start(parameters));
			expect(result.error?.message).toMatch(message);
			expect(result.error?.description).toMatch(/nothing was sent/i);
			env.nothingSent();
		});

		it('rejects a 4th concurrent job with a clear message and keeps the 3 others', async () => {
			// "slow" jobs keep running however loaded the machine is, so 3 are surely running when the 4th comes.
			const items = [1, 2, 3, 4].map((n) => ({ prompt: `A slow fox ${n}` }));
			const result = await env.run(start({ prompt: '={{ $json.prompt }}' }), { items, continueOnFail: true });
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.map((c) => c.status).sort()).toEqual([202, 202, 202, 400]);
			const failed = result.items.filter((i) => i.json.error);
			expect(failed).toHaveLength(1);
			expect(String(failed[0].json.error)).toMatch(/already have 3 generation jobs running \(at most 3 at a time\)/);
			expect(result.items.filter((i) => i.json.jobId)).toHaveLength(3);
			expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		});
	});

	describe('wait for completion', () => {
		it('waits for the job and outputs it finished, with the post it created', async () => {
			const started = Date.now();
			const result = await env.run(start({ content: 'Fox, finished #AIArt', ...waiting }));
			expect(result.error).toBeUndefined();
			expect(Date.now() - started).toBeLessThan(5000);
			const job = result.items[0].json;
			expect(job).toMatchObject({ status: 'completed', provider: 'OPENAI', type: 'image', errorMessage: null });
			// The job's ID once, as jobId: the name Start answers it under without waiting.
			expect(Object.keys(job).sort()).toEqual(
				['jobId', 'postId', 'provider', 'type', 'prompt', 'content', 'model', 'status', 'errorMessage', 'retryCount', 'resultUrl', 'createdAt', 'completedAt'].sort(),
			);
			expect(jobs().get(String(job.jobId))?.prompt).toBe('A red fox in the snow');
			expect(job.resultUrl).toMatch(/^https:\/\/.+\.png$/);

			const calls = apiCalls(env.requestsSinceMark());
			expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/generate', status: 202 });
			const polls = calls.slice(1);
			expect(polls.length).toBeGreaterThanOrEqual(1);
			expect(polls.every((c) => c.method === 'GET' && ['/api/generate/pending', '/api/generate/history'].includes(c.path))).toBe(true);
			expect(polls.every((c) => c.headers.authorization?.startsWith('Bearer '))).toBe(true);

			const post = env.sandbox.store.posts.get(String(job.postId));
			expect(post).toMatchObject({ content: 'Fox, finished #AIArt', mediaType: 'IMAGE', mediaUrls: [job.resultUrl] });
			const viaApi = await env.sandbox.act('alice_ai', 'GET', `/api/posts/${String(job.postId)}`);
			expect(viaApi.body.post.agent.handle).toBe(me());
		});

		it('fails the item with the job ID when the job fails, and Retry restarts it', async () => {
			const result = await env.run(start({ prompt: 'Please fail this one', ...waiting }));
			expect(apiCalls(env.requestsSinceMark())[0]).toMatchObject({ path: '/api/generate', status: 202 });
			const jobId = [...jobs().values()].find((j) => j.prompt === 'Please fail this one')?.id as string;
			expect(result.error?.message).toBe(
				`Generation job ${jobId} failed: OPENAI refused the prompt: it violates the provider's content policy`,
			);
			expect(result.error?.description).toContain(`Generation → Retry and Job ID ${jobId} (3 of 3 retries left)`);
			expect(result.error?.description).toContain('Nothing was posted');

			env.mark();
			const retried = await env.run(generation('retry', { jobId }));
			expect(env.onlyCall()).toMatchObject({ method: 'POST', path: `/api/generate/${jobId}/retry`, status: 200 });
			expect(retried.items[0].json).toEqual({ jobId, status: 'pending', retryCount: 1 });

			// Retrying with a wait fails again, counting down the retries left.
			await pause(STAGE_MS * 3);
			env.mark();
			const again = await env.run(generation('retry', { jobId, ...waiting }));
			expect(again.error?.message).toMatch(new RegExp(`^Generation job ${jobId} failed`));
			expect(again.error?.description).toContain('(1 of 3 retries left)');

			await pause(STAGE_MS * 3);
			env.mark();
			expect((await env.run(generation('retry', { jobId }))).items[0].json.retryCount).toBe(3);

			await pause(STAGE_MS * 3);
			env.mark();
			const fourth = await env.run(generation('retry', { jobId }));
			expect(env.onlyCall().status).toBe(400);
			expect(fourth.error?.message).toMatch(/already retried 3 times \(the maximum\)\. Start a new generation instead/);
		});

		it('refuses to retry a job that has not failed', async () => {
			const answer = await env.sandbox.act(me(), 'POST', '/api/generate', {
				provider: 'OPENAI',
				generationType: 'image',
				prompt: 'fine',
			});
			await pause(STAGE_MS * 4);
			env.mark();
			const result = await env.run(generation('retry', { jobId: answer.body.jobId }));
			expect(env.onlyCall().status).toBe(400);
			expect(result.error?.message).toBe('Only failed jobs can be retried; this one is completed');
		});

		it('gives up after Max Wait with the job ID and its last status', async () => {
			const result = await env.run(start({ prompt: 'A slow sunrise', waitForCompletion: true, maxWaitSeconds: 1 }));
			const job = [...jobs().values()].find((j) => j.prompt === 'A slow sunrise');
			expect(result.error?.message).toBe(`Generation job ${job?.id} did not finish within 1 s (last status: generating)`);
			expect(result.error?.description).toContain('Get History');
		});

		it('keeps polling through failing checks and never starts the job again', async () => {
			// One check fails even after the transport's own retries of the read (4 answers of 503).
			env.sandbox.addFault({ method: 'GET', path: '/api/generate/pending', status: 503, times: 4 });
			const result = await env.run(start({ prompt: 'A fox through a 503', ...waiting }));
			env.sandbox.clearFaults();
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ status: 'completed', prompt: 'A fox through a 503' });
			expect(apiCalls(env.requestsSinceMark()).filter((c) => c.method === 'POST')).toHaveLength(1);
		});

		it('names the started job in an error after the start, and warns against running the item again', async () => {
			env.sandbox.addFault({ method: 'GET', path: '/api/generate/pending', status: 503, times: 0 });
			const result = await env.run(start({ prompt: 'A fox never checked', waitForCompletion: true, maxWaitSeconds: 2, pollIntervalSeconds: 1 }));
			env.sandbox.clearFaults();
			const job = [...jobs().values()].find((j) => j.prompt === 'A fox never checked');
			expect(result.error?.message).toBe(`Generation job ${job?.id} did not finish within 2 s (last status: unknown)`);
			expect(result.error?.description).toContain('The job could not be checked: ');
			expect(result.error?.description).toContain('Do not run this item again (or turn on Retry On Fail): that would start and pay for a second job');
			expect(apiCalls(env.requestsSinceMark()).filter((c) => c.method === 'POST')).toHaveLength(1);
		});

		it('shows a job that ran past 5 minutes as failed', async () => {
			const answer = await env.sandbox.act(me(), 'POST', '/api/generate', {
				provider: 'OPENAI',
				generationType: 'image',
				prompt: 'slow clouds',
			});
			jobs().get(answer.body.jobId)!.startedAt -= JOB_TIMEOUT_MS;
			const result = await env.run(generation('getPending', { returnAll: true }));
			const job = result.items.find((i) => i.json.id === answer.body.jobId)?.json;
			expect(job).toMatchObject({ status: 'failed', errorMessage: 'Generation timed out after 5 minutes' });
		});
	});

	describe('jobs, models and voices', () => {
		it('gets the pending jobs', async () => {
			const answer = await env.sandbox.act(me(), 'POST', '/api/generate', { provider: 'OPENAI', generationType: 'image', prompt: 'slow rain' });
			env.mark();
			const result = await env.run(generation('getPending', { returnAll: true }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/generate/pending', status: 200 });
			const job = result.items.find((i) => i.json.id === answer.body.jobId)?.json;
			expect(job).toMatchObject({ provider: 'OPENAI', prompt: 'slow rain', retryCount: 0, postId: null });
			expect(['pending', 'generating']).toContain(job?.status);
			expect(result.items.every((i) => i.json.status !== 'completed')).toBe(true);
		});

		it('gets the history page by page', async () => {
			const result = await env.run(generation('getHistory', { returnAll: false, limit: 3 }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/generate/history', query: { limit: '3' }, status: 200 });
			expect(result.items).toHaveLength(3);

			env.mark();
			const all = await env.run(generation('getHistory', { returnAll: true }));
			expect(all.items.length).toBe([...jobs().values()].length);
			expect(all.items.some((i) => i.json.status === 'completed' && i.json.postId)).toBe(true);
		});

		it('gets the models of a provider and type', async () => {
			const result = await env.run(generation('getModels', { provider: 'RUNWARE', generationType: 'video' }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/generate/models', status: 200 });
			expect(call.query).toMatchObject({ provider: 'RUNWARE', type: 'video' });
			expect(result.items.map((i) => i.json.id)).toEqual(['klingai:5@3', 'bytedance:1@1']);
			expect(result.items[0].json.isDefault).toBe(true);
		});

		it('refuses models of a type the provider cannot generate before sending', async () => {
			const result = await env.run(generation('getModels', { provider: 'OPENAI', generationType: 'music' }));
			expect(result.error?.message).toMatch(/"Generation Type" is "Music", which OpenAI cannot generate/);
			env.nothingSent();
		});

		it('gets the ElevenLabs voices, snake_case as the service answers them', async () => {
			const result = await env.run(generation('getVoices', { returnAll: true }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/generate/voices', status: 200 });
			expect(call.query.provider).toBe('ELEVENLABS');
			expect(result.items.length).toBeGreaterThan(1);
			expect(Object.keys(result.items[0].json).sort()).toEqual(
				['voice_id', 'name', 'category', 'gender', 'age', 'accent', 'use_case', 'preview_url'].sort(),
			);
		});
	});

	describe('the provider list follows the generation type', () => {
		const { description } = new ImagineAnything();
		const version = { typeVersion: 1 };
		/** The parameters n8n shows for these values, with the values as n8n resolves them (defaults filled in). */
		const shownFor = (values: INodeParameters) => {
			const resolved = NodeHelpers.getNodeParameters(description.properties, values, true, false, version, description)!;
			return { resolved, shown: description.properties.filter((p) => NodeHelpers.displayParameter(resolved, p, version, description)) };
		};
		const providerChoices = {
			image: { providers: ['GOOGLE_GEMINI', 'OPENAI', 'RUNWARE'], provider: 'OPENAI' },
			video: { providers: ['RUNWARE'], provider: 'RUNWARE' },
			voice: { providers: ['ELEVENLABS'], provider: 'ELEVENLABS' },
			sound_effect: { providers: ['ELEVENLABS'], provider: 'ELEVENLABS' },
			music: { providers: ['ELEVENLABS'], provider: 'ELEVENLABS' },
		};

		it.each(['start', 'getModels'].flatMap((operation) => Object.entries(providerChoices).map(([type, choice]) => [operation, type, choice] as const)))(
			'%s, %s: shows Generation Type first and only the providers that generate it',
			(operation, generationType, { providers, provider }) => {
				const { resolved, shown } = shownFor({ resource: 'generation', operation, generationType });
				const names = shown.map((p) => p.name);
				expect(names.indexOf('generationType')).toBeLessThan(names.indexOf('provider'));
				const providerFields = shown.filter((p) => p.name === 'provider');
				expect(providerFields).toHaveLength(1);
				expect(providerFields[0].options?.map((o) => (o as INodePropertyOptions).value)).toEqual(providers);
				// The provider a workflow gets when it holds none (OpenAI, the old default, was never saved).
				expect(resolved.provider).toBe(provider);
			},
		);

		it.each(Object.entries(providerChoices))(
			'runs a saved %s workflow that holds no provider with the one that generates it',
			async (generationType, { provider }) => {
				const result = await env.run(generation('start', { generationType, prompt: 'Hello agents!' }));
				expect(result.error).toBeUndefined();
				expect(env.onlyCall()).toMatchObject({ status: 202, body: { provider, generationType } });
			},
		);

		it('refuses a saved ElevenLabs workflow that holds no type (Image) before sending', async () => {
			const result = await env.run(generation('start', { provider: 'ELEVENLABS', prompt: 'Hello agents!' }));
			expect(result.error?.message).toMatch(/"Generation Type" is "Image", which ElevenLabs cannot generate/);
			expect(result.error?.description).toMatch(/nothing was sent/i);
			env.nothingSent();
		});

		it('gives each type its own prompt placeholder and description: speech for voice', () => {
			const prompts = Object.keys(providerChoices).map((generationType) => {
				const prompt = shownFor(start({ generationType, provider: undefined })).shown.filter((p) => p.name === 'prompt');
				expect(prompt).toHaveLength(1);
				expect(prompt[0].required).toBe(true);
				return prompt[0];
			});
			expect(new Set(prompts.map((p) => p.placeholder)).size).toBe(prompts.length);
			const voice = prompts[2];
			expect(voice.placeholder).toBe('e.g. Hello, welcome to ImagineAnything!');
			expect(voice.description).toMatch(/^The text to speak, word for word/);
			expect(`${voice.placeholder} ${voice.description}`).not.toMatch(/skyline|city/i);
			expect(prompts[0].placeholder).toMatch(/city skyline/);
		});
	});

	describe('dynamic options (through n8n-core LoadOptionsContext)', () => {
		const methods = new ImagineAnything().methods.loadOptions;

		/** What the n8n editor builds to fill a dropdown: the node, its current parameters (with every default, as the editor holds them) and the credential. */
		const loadOptionsContext = (setParameters: INodeParameters, path: string, withCredential = true) => {
			const { description } = new ImagineAnything();
			const currentNodeParameters = NodeHelpers.getNodeParameters(description.properties, setParameters, true, false, { typeVersion: 1 }, description)!;
			const node: INode = {
				id: 'node-under-test',
				name: 'ImagineAnything',
				type: `${PACKAGE}.imagineAnything`,
				typeVersion: 1,
				position: [0, 0],
				parameters: currentNodeParameters,
				credentials: withCredential ? { [CREDENTIAL_TYPE]: env.credential } : {},
			};
			const workflow = new Workflow({
				nodes: [node],
				connections: {},
				active: false,
				nodeTypes: new TestNodeTypes(),
			});
			const additionalData = {
				credentialsHelper: env.harness.credentials,
				currentNodeParameters,
				restApiUrl: 'http://127.0.0.1:5678/rest',
				instanceBaseUrl: 'http://127.0.0.1:5678/',
				webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
				variables: {},
			} as unknown as IWorkflowExecuteAdditionalData;
			return new LoadOptionsContext(workflow, node, additionalData, path);
		};

		it('loads the models of the chosen provider and type with the credential', async () => {
			const parameters = { ...start({ provider: 'RUNWARE', generationType: 'image' }) } as INodeParameters;
			const options = await methods.getGenerationModels.call(loadOptionsContext(parameters, 'parameters.model'));
			expect(options).toEqual([
				{ name: 'Provider Default', value: '', description: "The provider's default model" },
				{ name: 'FLUX.1 [dev] (Default)', value: 'runware:101@1', description: 'runware:101@1' },
				{ name: 'FLUX.1 [schnell]', value: 'runware:100@1', description: 'runware:100@1' },
			]);
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/generate/models', query: { provider: 'RUNWARE', type: 'image' } });
			expect(call.headers.authorization).toMatch(/^Bearer iat_/);
		});

		it('offers only the provider default for a type the provider cannot generate, without a request', async () => {
			const parameters = start({ provider: 'ELEVENLABS', generationType: 'image' }) as INodeParameters;
			const options = await methods.getGenerationModels.call(loadOptionsContext(parameters, 'parameters.model'));
			expect(options.map((o: INodePropertyOptions) => o.value)).toEqual(['']);
			env.nothingSent();
		});

		it('loads the ElevenLabs voices', async () => {
			const parameters = start({ provider: 'ELEVENLABS', generationType: 'voice' }) as INodeParameters;
			const options = await methods.getGenerationVoices.call(loadOptionsContext(parameters, 'parameters.voiceId'));
			expect(options[0]).toMatchObject({ value: '' });
			expect(options).toContainEqual({
				name: 'Sarah',
				value: 'EXAVITQu4vr4xnSDxMaL',
				description: 'female, young, american, news',
			});
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/generate/voices', query: { provider: 'ELEVENLABS' } });
		});

		it('offers Provider Default and says why and what to do when the voices cannot be listed', async () => {
			await env.sandbox.act(me(), 'PATCH', '/api/settings/services/ELEVENLABS', { isActive: false });
			try {
				env.mark();
				const parameters = start({ provider: 'ELEVENLABS', generationType: 'voice' }) as INodeParameters;
				const options = await methods.getGenerationVoices.call(loadOptionsContext(parameters, 'parameters.voiceId'));
				expect(env.onlyCall()).toMatchObject({ path: '/api/generate/voices', status: 400 });
				expect(options).toHaveLength(2);
				expect(options[0]).toEqual({ name: 'Provider Default (Rachel)', value: '', description: "ElevenLabs' default voice" });
				expect(options[1]).toMatchObject({
					name: 'Cannot list voices: ElevenLabs is not connected or is turned off for this agent: connect its API key with Connected AI Service → Connect (Provider: ElevenLabs), or turn it on with → Toggle',
					value: LIST_UNAVAILABLE,
				});
				expect(options[1].description).toMatch(/^Run Connected AI Service → Connect \(Provider: ElevenLabs\) once with your ElevenLabs API key/);
				expect(options[1].description).toMatch(/Then close and reopen this node to load the list again\. Until then, choose Provider Default \(Rachel\) \(this entry is not one of the voices\)\.$/);
			} finally {
				await env.sandbox.act(me(), 'PATCH', '/api/settings/services/ELEVENLABS', { isActive: true });
			}
		});

		it('offers Provider Default and says why when the models cannot be listed (no credential selected)', async () => {
			const parameters = start({ provider: 'RUNWARE', generationType: 'video' }) as INodeParameters;
			const options = await methods.getGenerationModels.call(loadOptionsContext(parameters, 'parameters.model', false));
			env.nothingSent();
			expect(options.map((o: INodePropertyOptions) => o.value)).toEqual(['', LIST_UNAVAILABLE]);
			expect(options[1].name).toBe('Cannot list models: No ImagineAnything API credential is selected');
			expect(options[1].description).toMatch(/^This operation acts as an agent: select or create an ImagineAnything API credential/);
		});
	});
});
