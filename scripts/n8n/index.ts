/**
 * Drives a real n8n (installed by scripts/e2e/install-n8n.sh into .n8n-install/<version>) with
 * this package installed the way users get it: `npm pack` → tarball → `npm install` in a fresh
 * N8N_USER_FOLDER's .n8n/nodes, so node types are `n8n-nodes-imagineanything.*`.
 * Everything listens on 127.0.0.1; telemetry, templates and version checks are off.
 *
 * One module per job: paths (where things are), install (n8n versions), pack (the package tarball),
 * processes (running commands), workflows (workflow JSON), execution (reading `n8n execute`),
 * rest (the REST session), host (an n8n user folder and its processes). Used by the e2e suites,
 * the demo and the bench.
 *
 * API (stable; add to it, do not change these signatures):
 *
 *   N8N_VERSION                      '2.8.4', or env N8N_E2E_VERSION
 *   REPO_ROOT                        absolute path of the repository
 *   PACKAGE_DIR                      absolute path of the published package (REPO_ROOT/package)
 *   NODE_TYPES                       { action, trigger, pollTrigger }: full type names as installed
 *   CREDENTIAL_TYPE                  'imagineAnythingApi'
 *   n8nBin(version?)                 path of the n8n binary
 *   n8nInstalled(version?)           whether that n8n is installed
 *   ensureN8n(version?)              installs it when missing (progress on stderr); returns n8nBin
 *   n8nRuntime(version?)             { nodeBin?, env } recorded by install-n8n.sh (Node 24 for 2.4x), honoured by every host
 *   n8nTraits(version?)              { publishesThroughOutbox, webhookUrlVariable }: where that n8n version behaves differently
 *                                    (2.41: REST activation applied after the answer, no checkExists on start, N8N_WEBHOOK_URL)
 *   packPackage()                    npm run build + npm pack (once per process, or env N8N_E2E_TARBALL) → .tgz path
 *                                    (under .e2e/pack-XXXXXX/, removed by disposeAllHosts() or when the process exits)
 *   freePort()                       a free TCP port on 127.0.0.1
 *   isRunning(pid)                   whether a process runs (a zombie does not)
 *   processStat(pid)                 { state, ppid } of a process from /proc (Linux), or undefined
 *   watchLauncher(onGone)            calls onGone once this process's parent (under `npm run`: also npm) is gone
 *
 *   createHost(options?) → Promise<N8nHost>   fresh N8N_USER_FOLDER (under os.tmpdir()) with the package installed
 *     options: { version?, tarball?, port?, userFolder?, env?, log? }
 *   N8nHost
 *     .userFolder .port .url (http://127.0.0.1:port) .version
 *     .env()                                    the environment every n8n process of this host gets
 *     .cli(args, { timeoutMs?, onStart? })      runs `n8n <args>` → { code, signal, stdout, stderr } (output through files, complete
 *                                               however large); rejects only on timeout; onStart(pid) when spawned
 *     .importCredential({ baseUrl, clientId, clientSecret, id?, name? }) → { id, name }
 *     .importWorkflows(workflows)               `n8n import:workflow` of an array (each needs a 16-char id)
 *     .execute(workflowId, { timeoutMs?, onStart? })  `n8n execute --rawOutput` → Execution (never rejects on a failed run)
 *     .publish(workflowId)                      `n8n publish:workflow` (1.x: update:workflow --active=true; activate while n8n is stopped)
 *     .start({ timeoutMs?, env? })              `n8n start` on .port (env: extra environment for this process); resolves when the
 *                                               REST API answers (GET /rest/settings 200, POST /rest/login mounted)
 *     .stop()                                   SIGTERM n8n (it stops its task runner), SIGKILL its process group after 20 s / once it exited
 *     .running                                  whether `n8n start` is running
 *     .log()                                    stdout+stderr of `n8n start` so far (for diagnostics)
 *     .setupOwner(owner?) → Owner               POST /rest/owner/setup on a fresh instance (needs .start()); DEFAULT_OWNER
 *                                               is owner@example.com / Imagine-n8n-2025
 *     .rest(method, path, body?) → { status, body }   REST call with the owner's session cookie
 *     .dispose()                                stop + delete the user folder (unless options.userFolder was given)
 *   disposeAllHosts()                            dispose every host still alive, remove packPackage's folder (for afterAll)
 *
 *   Execution: { ok, status, exit, error?, lastNode?, runData, nodesRun, items(node, opts?), json(node, opts?), stdout, stderr }
 *   (a run that fails has ok false and error { message, description?, node? }; runData still holds what ran; ok is the
 *   run's own status: n8n 2.41.1 on Node 24 sometimes segfaults on exit after a successful run, exit says how it ended;
 *   describeRun(execution) is the status with an unusual end, for progress lines)
 *
 *   QueueCluster.create(options?) → Promise<QueueCluster>   n8n in queue mode on 127.0.0.1 (scripts/n8n/queue.ts): Redis and a
 *     throwaway Postgres (services.ts), a main N8nHost, `n8n worker` processes and an `n8n webhook` processor, each with its
 *     own user folder (package installed) and one encryption key; WEBHOOK_URL points at the webhook processor
 *     options: { version?, tarball?, workers? (2), concurrency? (2), env?, log? }
 *     .main .workers .webhook .redis .postgres .webhookUrl   .start()   .executionWorkers() (execution id → worker)   .dispose()
 *   startRedis() / startPostgres()   Debian's redis-server / a Postgres cluster in a temp folder (as nobody under root), on free ports
 *
 *   Workflows: loadExample(file) reads examples/<file>; itemsWorkflow(name, items, nodes) runs nodes over many input
 *   items; prepareWorkflow(workflow, { id, credential?, byName?, name? })
 *   sets the id and points every ImagineAnything credential at `credential` (or byName[its name]);
 *   nodeNamed(workflow, name) finds a node to edit; idFor(text) makes a stable 16-char id; replaceTrigger(workflow,
 *   triggerName, item) turns a trigger into a Manual Trigger + a Set node of the same name producing `item`.
 */
export { describeRun, toExecution, type Execution, type ExecutionItem } from './execution';
export { createHost, DEFAULT_OWNER, disposeAllHosts, N8nHost, type HostOptions, type Owner } from './host';
export { ensureN8n, n8nBin, n8nInstalled, n8nRuntime, n8nTraits, type N8nTraits } from './install';
export { packPackage } from './pack';
export { CREDENTIAL_TYPE, N8N_VERSION, NODE_TYPES, PACKAGE_DIR, PACKAGE_NAME, REPO_ROOT } from './paths';
export { freePort, isRunning, processStat, watchLauncher, type CliResult } from './processes';
export type { RestAnswer } from './rest';
export {
	idFor,
	itemsWorkflow,
	loadExample,
	nodeNamed,
	prepareWorkflow,
	replaceTrigger,
	type BranchNode,
	type CredentialRef,
	type Workflow,
	type WorkflowNode,
} from './workflows';
export { executionsStarted, N8nService, QueueCluster, type QueueClusterOptions } from './queue';
export { postgresBin, ServiceProcess, startPostgres, startRedis, type PostgresServer, type RedisServer, type ServiceSpec } from './services';
