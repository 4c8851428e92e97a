import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { PACKAGE_DIR, REPO_ROOT } from './paths';
import { childEnv } from './processes';

let packed: string | undefined;
/** Removed by disposeAllHosts() and at exit (jest's sandboxed `process` may not see 'exit'). */
const packDirs = new Set<string>();

export function removePackDirs(): void {
	for (const dir of packDirs) fs.rmSync(dir, { recursive: true, force: true });
	packDirs.clear();
}

/** Builds the package and packs it like `npm publish` would; the tarball lands in .e2e/pack-XXXXXX/ (removed at exit). */
export function packPackage(): string {
	const given = process.env.N8N_E2E_TARBALL;
	if (given && fs.existsSync(given)) return path.resolve(given);
	if (packed && fs.existsSync(packed)) return packed;
	const run = (command: string, args: string[], cwd = REPO_ROOT) => {
		const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: childEnv() });
		if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
		return result.stdout;
	};
	// A folder per process: other suites or a demo may pack at the same time.
	fs.mkdirSync(path.join(REPO_ROOT, '.e2e'), { recursive: true });
	const destination = fs.mkdtempSync(path.join(REPO_ROOT, '.e2e', 'pack-'));
	packDirs.add(destination);
	const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));
	const needed: string[] = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	// Another build in this working tree (gulp clean) can empty dist/ under our feet: build and pack again.
	for (let attempt = 1; ; attempt++) {
		try {
			run('npm', ['run', 'build', '--silent']);
			const [info] = JSON.parse(run('npm', ['pack', '--json', '--workspace', 'package', '--pack-destination', destination])) as Array<{
				filename: string;
				files: Array<{ path: string }>;
			}>;
			const missing = needed.filter((file) => !info.files.some((entry) => entry.path === file));
			if (missing.length > 0) throw new Error(`the tarball lacks ${missing.join(', ')}`);
			packed = path.join(destination, info.filename);
			return packed;
		} catch (error) {
			if (attempt >= 3) throw error;
		}
	}
}

process.once('exit', removePackDirs);
