// Lints source text that stands for a file of the published package with exactly the rules `n8n-node lint`
// applies (package/eslint.config.mjs, n8n's default config), for what lint cannot see in the files
// themselves: node descriptions assembled at load time. A separate process, because the config loads ES modules.
//   node scripts/lint-description.mjs <path in package/ the text stands for> < source.ts
// Prints JSON: { messages: [{ ruleId, message, line, text }], enabledRules: [ruleId, …] }.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'package');
const require = createRequire(import.meta.url);
const { ESLint } = require('eslint');

const filePath = path.join(packageDir, process.argv[2]);
let source = '';
for await (const chunk of process.stdin) source += chunk;

const eslint = new ESLint({ cwd: packageDir });
const [result] = await eslint.lintText(source, { filePath });
const lines = source.split('\n');
const { rules } = await eslint.calculateConfigForFile(filePath);
const enabled = (setting) => ![0, 'off'].includes(Array.isArray(setting) ? setting[0] : setting);
process.stdout.write(
	JSON.stringify({
		messages: result.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line, text: lines[line - 1]?.trim() })),
		enabledRules: Object.keys(rules).filter((ruleId) => enabled(rules[ruleId])),
	}),
);
