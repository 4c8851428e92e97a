// Lint rules for the repository's own code: tests, the sandbox, the demo, the benchmark and the tooling.
// It runs in Node (under jest or as scripts), never inside n8n, so n8n's Cloud rules (no Node modules,
// no `process`, no console) do not apply to it. The published package in package/ is linted by
// `n8n-node lint` with n8n's default configuration (package/eslint.config.mjs), unchanged.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['package/**', '.build/**', 'coverage/**', '.n8n-install/**', '.e2e/**', '**/node_modules/**'] },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: { globals: globals.node },
	},
	{
		files: ['**/*.js'],
		languageOptions: { sourceType: 'commonjs' },
	},
);
