// Builds the published package in package/: n8n's node CLI compiles it, gulp adds what npm shows with
// it (the repository's README and LICENSE) and checks that dist/ holds everything n8n loads.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { series } = require('gulp');

const { missingFromDist } = require('./scripts/distCheck');

const PACKAGE_DIR = path.join(__dirname, 'package');
const DOCUMENTS = ['README.md', 'LICENSE'];

function clean(done) {
	fs.rmSync(path.join(PACKAGE_DIR, 'dist'), { recursive: true, force: true });
	for (const document of DOCUMENTS) fs.rmSync(path.join(PACKAGE_DIR, document), { force: true });
	done();
}

// `n8n-node build` in package/: tsc with package/tsconfig.json (which includes the codex files), then the
// icons. Its output (spinner frames even without a terminal) is shown only when it fails.
function compile() {
	const cli = spawn('npm', ['exec', '--no', '--', 'n8n-node', 'build'], { cwd: PACKAGE_DIR });
	const output = [];
	cli.stdout.on('data', (chunk) => output.push(chunk));
	cli.stderr.on('data', (chunk) => output.push(chunk));
	return new Promise((resolve, reject) => {
		cli.on('error', reject);
		cli.on('close', (code) => {
			if (code === 0) return resolve();
			process.stderr.write(Buffer.concat(output));
			reject(new Error(`n8n-node build exited with ${code}`));
		});
	});
}

// npm packs README and LICENSE from the package's own folder; they are written once, at the root.
function copyDocuments(done) {
	for (const document of DOCUMENTS) fs.copyFileSync(path.join(__dirname, document), path.join(PACKAGE_DIR, document));
	done();
}

// The CLI builds what tsconfig.json and its globs take in and says nothing of the rest (it left out the
// codex files until tsconfig.json included them).
function checkDist(done) {
	const missing = missingFromDist(PACKAGE_DIR);
	done(missing.length > 0 ? new Error(`package/dist/ lacks what n8n loads: ${missing.join(', ')}`) : undefined);
}

exports.clean = clean;
exports.build = series(compile, copyDocuments, checkDist);
