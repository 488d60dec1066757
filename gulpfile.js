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

/** Every compiled node class, versions (…V1.js beside the versioned node's file) included. */
function compiledNodeFiles(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return compiledNodeFiles(file);
		return /(\.node|V\d+)\.js$/.test(entry.name) ? [file] : [];
	});
}

/** The package.json-listed file whose folder holds this compiled file (itself when listed). */
function listedBaseOf(file, listed) {
	const normal = path.normalize(file);
	const owners = listed
		.map((entry) => path.normalize(entry))
		.filter((entry) => normal === entry || normal.startsWith(path.dirname(entry) + path.sep))
		.sort((a, b) => b.length - a.length);
	return owners[0] ?? file;
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
		// A version class that names no icon inherits the one of its listed node file.
		const mustNameIcon = icons.length > 0 || listed.includes(file);
		if (mustNameIcon && !icons.some((icon) => icon.endsWith('.dark.svg')))
			problems.push(`${file} has no dark icon`);
		// n8n resolves the icons of a versioned node's classes (v1/…V1.node.js) relative to the
		// node file listed in package.json, not to the class's own file.
		const base = listedBaseOf(file, listed);
		for (const icon of icons) {
			const target = path.join(path.dirname(base), icon);
			// Only dist/ is published: an icon outside it (e.g. the source icons/) is missing in n8n.
			const outsideDist = path.relative('dist', target).startsWith('..');
			if (outsideDist || !existsSync(target))
				problems.push(`${file} points at ${icon}, which is not in dist`);
		}
	}
	if (problems.length) throw new Error(`Icon check failed:\n- ${problems.join('\n- ')}`);
}

exports['build:icons'] = series(checkIcons);
exports.default = exports['build:icons'];
