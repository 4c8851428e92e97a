// The scan n8n runs before it verifies a community package (@n8n/scan-community-package), offline:
// its two lint legs, on the package's source (what the npm provenance of a release points at) and on
// the tarball `npm pack` makes. Its registry legs (the provenance statement, the download) need a
// published version: .github/workflows/publish.yml publishes with provenance.
//   node scripts/scan-package.mjs [package folder]     (default: package/, built)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-package-'));
// The scanner makes a temporary folder of its own when it is loaded: inside ours, removed with it.
process.env.TMPDIR = work;

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
	return result.stdout;
}

let failed = false;
try {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
	const unpacked = path.join(work, 'package');
	fs.mkdirSync(unpacked);
	run('tar', ['-xzf', path.join(work, filename), '-C', unpacked, '--strip-components=1'], work);
	const legs = {
		'source (package.json, nodes/, credentials/)': await analyzePackage(root, SOURCE_FILE_PATTERNS),
		[`tarball ${filename}`]: await analyzePackage(unpacked, ['**/*.js', 'package.json']),
	};
	for (const [leg, result] of Object.entries(legs)) {
		console.log(`scan of the ${leg}: ${result.passed ? 'passed' : `FAILED: ${result.message}`}`);
		if (result.details) console.log(result.details);
		failed ||= !result.passed;
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
