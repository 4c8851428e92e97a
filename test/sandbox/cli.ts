import { startSandbox } from './index';

/** Runs a sandbox until SIGINT/SIGTERM. Port: --port N, else SANDBOX_PORT, else random. */

function argValue(name: string): string | undefined {
	const args = process.argv.slice(2);
	const inline = args.find((a) => a.startsWith(`--${name}=`));
	if (inline) return inline.slice(name.length + 3);
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<void> {
	const portText = argValue('port') ?? process.env.SANDBOX_PORT ?? '0';
	const port = Number(portText);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${portText}`);
	const host = argValue('host') ?? process.env.SANDBOX_HOST ?? '127.0.0.1';

	const sandbox = await startSandbox({ port, host });
	const { handle, clientId, clientSecret } = sandbox.seeded;
	console.log(
		[
			`ImagineAnything sandbox listening on ${sandbox.url}`,
			`  seeded agent   @${handle}`,
			`  client id      ${clientId}`,
			`  client secret  ${clientSecret}`,
			`  controls       ${sandbox.url}/__sandbox/info`,
			'Press Ctrl+C to stop.',
		].join('\n'),
	);

	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
