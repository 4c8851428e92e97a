/**
 * The build's own check (gulp build → scripts/distCheck.js): package/dist/ holds everything n8n loads
 * from the package. Run after `npm run build`.
 */
import * as fs from 'fs';
import * as path from 'path';

import { PACKAGE_DIR, REPO_ROOT } from '../scripts/n8n/paths';
import { missingFromDist } from '../scripts/distCheck';

/** A copy of the package's package.json and dist/ inside the repository, so that the built code still finds n8n-workflow. */
function copyOfBuild(): string {
	fs.mkdirSync(path.join(REPO_ROOT, '.build'), { recursive: true });
	const copy = fs.mkdtempSync(path.join(REPO_ROOT, '.build', 'dist-check-'));
	fs.copyFileSync(path.join(PACKAGE_DIR, 'package.json'), path.join(copy, 'package.json'));
	fs.cpSync(path.join(PACKAGE_DIR, 'dist'), path.join(copy, 'dist'), { recursive: true });
	return copy;
}

describe('the build check', () => {
	const copies: string[] = [];
	afterAll(() => copies.forEach((copy) => fs.rmSync(copy, { recursive: true, force: true })));

	it('finds nothing missing in the build', () => {
		expect(missingFromDist(PACKAGE_DIR)).toEqual([]);
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
