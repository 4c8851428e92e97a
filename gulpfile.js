const fs = require('node:fs');
const path = require('node:path');
const { src, dest, series } = require('gulp');

function clean(done) {
	fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

// n8n resolves `file:` icons relative to the compiled node and credential files.
function copyIcons() {
	return src(['icons/*.svg', 'nodes/**/*.{svg,png}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.clean = clean;
exports['build:icons'] = series(copyIcons, copyCodex);
