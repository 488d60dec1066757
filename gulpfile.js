// `n8n-node build` compiles TypeScript and copies every SVG into dist/. What it does not do is
// make sure each icon a node or credential names actually exists there, in a light and a dark
// variant. A missing icon only shows up as a broken image in the n8n editor, so the build fails
// here instead.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { series } = require('gulp');

function iconReferences(file) {
	const source = readFileSync(file, 'utf8');
	return [...source.matchAll(/['"]file:([^'"]+\.svg)['"]/g)].map((match) => match[1]);
}

async function checkIcons() {
	const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
	const compiled = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
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
