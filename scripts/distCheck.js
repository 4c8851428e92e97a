const fs = require('node:fs');
const path = require('node:path');

/** The `file:` paths of an icon (a string or one per theme), relative to the file that declares it. */
function iconFiles(icon) {
	const paths = typeof icon === 'string' ? [icon] : Object.values(icon ?? {});
	return paths.filter((value) => typeof value === 'string' && value.startsWith('file:')).map((value) => value.slice('file:'.length));
}

/**
 * What n8n loads from this package and the build in `root` lacks (paths relative to `root`): the node
 * and credential files package.json lists, each node's codex file beside it (`X.node.js` → `X.node.json`),
 * and every icon file their descriptions point at.
 */
function missingFromDist(root) {
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const missing = [];
	const present = (file) => {
		const found = fs.existsSync(path.join(root, file));
		if (!found) missing.push(file);
		return found;
	};
	const declared = [
		...manifest.n8n.nodes.map((file) => ({ file, iconOf: (instance) => instance.description.icon })),
		...manifest.n8n.credentials.map((file) => ({ file, iconOf: (instance) => instance.icon })),
	];
	for (const { file, iconOf } of declared) {
		if (!present(file)) continue;
		if (file.endsWith('.node.js')) present(`${file}on`);
		for (const Type of Object.values(require(path.join(root, file)))) {
			for (const icon of iconFiles(iconOf(new Type()))) present(path.join(path.dirname(file), icon));
		}
	}
	return [...new Set(missing)];
}

module.exports = { missingFromDist };
