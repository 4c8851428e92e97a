import { readFileSync } from 'fs';

import { ImagineAnything } from '../package/nodes/ImagineAnything/ImagineAnything.node';

import { README, renderOperationsTable, withTable } from '../scripts/readme-operations';

describe('README', () => {
	it('has the operations table of the current node description (run `npm run docs`)', () => {
		const readme = readFileSync(README, 'utf8');
		const expected = withTable(readme, renderOperationsTable(new ImagineAnything().description));
		expect(readme).toBe(expected);
	});

	it('starts with the two commands: the demo and the tests', () => {
		const readme = readFileSync(README, 'utf8');
		const firstBlock = readme.split('```')[1];
		expect(firstBlock).toContain('npm run demo');
		expect(firstBlock).toContain('npm test');
	});
});
