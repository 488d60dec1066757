// `n8n-node build` compiles TypeScript and copies every SVG into dist/. What it does not do is
// make sure each icon a node or credential names actually exists there, in a light and a dark
// variant. A missing icon only shows up as a broken image in the n8n editor, so the build fails
// here instead.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { series } = require('gulp');

function iconReferences(file) {
	const source = readFileSync(file, 'utf8');
	return [...source.matchAll(/['"]file:([^'"]+\.svg)['"]/g)].map((match) => match[1]);
}

/** Every compiled node class, versions (v1/…V1.node.js) included. */
function compiledNodeFiles(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return compiledNodeFiles(file);
		return entry.name.endsWith('.node.js') ? [file] : [];
	});
}

async function checkIcons() {
	const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
	const listed = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
	const compiled = [...new Set([...listed, ...compiledNodeFiles(path.join('dist', 'nodes'))])];
	const problems = [];
	for (const file of compiled) {
		if (!existsSync(file)) {
			problems.push(`${file} is listed in package.json but was not built`);
			continue;
		}
		const icons = iconReferences(file);
		if (!icons.some((icon) => icon.endsWith('.dark.svg'))) problems.push(`${file} has no dark icon`);
		for (const icon of icons) {
			const target = path.join(path.dirname(file), icon);
			if (!existsSync(target)) problems.push(`${file} points at ${icon}, which is not in dist`);
		}
	}
	if (problems.length) throw new Error(`Icon check failed:\n- ${problems.join('\n- ')}`);
}

exports['build:icons'] = series(checkIcons);
exports.default = exports['build:icons'];
