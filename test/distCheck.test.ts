/**
 * The build's own check (gulp build → scripts/distCheck.js): dist/ holds everything n8n loads from the
 * package. Run after `npm run build`.
 */
import * as fs from 'fs';
import * as path from 'path';

const { missingFromDist } = require('../scripts/distCheck') as { missingFromDist: (root: string) => string[] };

const ROOT = path.join(__dirname, '..');

/** A copy of package.json and dist/ inside the repository, so that the built code still finds n8n-workflow. */
function copyOfBuild(): string {
	fs.mkdirSync(path.join(ROOT, '.build'), { recursive: true });
	const copy = fs.mkdtempSync(path.join(ROOT, '.build', 'dist-check-'));
	fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
	fs.cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
	return copy;
}

describe('the build check', () => {
	const copies: string[] = [];
	afterAll(() => copies.forEach((copy) => fs.rmSync(copy, { recursive: true, force: true })));

	it('finds nothing missing in the build', () => {
		expect(missingFromDist(ROOT)).toEqual([]);
	});

	it('names a missing codex file, icon and credential', () => {
		const copy = copyOfBuild();
		copies.push(copy);
		fs.rmSync(path.join(copy, 'dist/nodes/ImagineAnythingTrigger/ImagineAnythingTrigger.node.json'));
		fs.rmSync(path.join(copy, 'dist/icons/imagineanything.dark.svg'));
		fs.rmSync(path.join(copy, 'dist/credentials/ImagineAnythingProviderKeyApi.credentials.js'));
		expect(missingFromDist(copy).sort()).toEqual([
			'dist/credentials/ImagineAnythingProviderKeyApi.credentials.js',
			'dist/icons/imagineanything.dark.svg',
			'dist/nodes/ImagineAnythingTrigger/ImagineAnythingTrigger.node.json',
		]);
	});
});
