const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { series } = require('gulp');

const { missingFromDist } = require('./scripts/distCheck');

function clean(done) {
	fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

// n8n's node CLI: tsc with tsconfig.json (which includes the codex files), then the icons. Its output
// (spinner frames even without a terminal) is shown only when it fails.
function compile() {
	const cli = spawn('npm', ['exec', '--no', '--', 'n8n-node', 'build'], { cwd: __dirname });
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

// The CLI builds what tsconfig.json and its globs take in and says nothing of the rest (it left out the
// codex files until tsconfig.json included them).
function checkDist(done) {
	const missing = missingFromDist(__dirname);
	done(missing.length > 0 ? new Error(`dist/ lacks what n8n loads: ${missing.join(', ')}`) : undefined);
}

exports.clean = clean;
exports.build = series(compile, checkDist);
