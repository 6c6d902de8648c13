// Builds the browser extension (extension/, Manifest V3) into dist/extension/ and zips it as
// dist/outreach-lint-extension.zip for sideloading. The kernel, the rules, the rule data and the
// shipped corpus index are bundled from what `npm run build` wrote to dist/data, so the extension
// lints with exactly the CLI's judgment and needs no network. Run after the main build.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { zipSync } from 'fflate';

const OUT = 'dist/extension';
const ZIP = 'dist/outreach-lint-extension.zip';
const DATA = 'dist/data';

if (!existsSync(join(DATA, 'corpus-index.bin'))) {
  console.error('build-extension: dist/data has no corpus index; run `npm run build` first');
  process.exit(1);
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'data'), { recursive: true });

// src/parse/yaml.ts loads the YAML library with node:module's createRequire; the extension
// bundles the library and hands it out from a shim instead.
const nodeModuleShim = {
  name: 'node-module-shim',
  setup(b) {
    b.onResolve({ filter: /^node:module$/ }, () => ({ path: resolve('extension/src/node-module-shim.ts') }));
    b.onResolve({ filter: /^node:/ }, (args) => ({ errors: [{ text: `${args.path} cannot run in the browser (imported from ${args.importer})` }] }));
  },
};

const common = { bundle: true, platform: 'browser', target: 'chrome116', minify: true, legalComments: 'none', plugins: [nodeModuleShim], logLevel: 'warning' };
// A content script is a classic script; the worker and the pages load theirs as modules.
await build({
  ...common,
  entryPoints: { worker: 'extension/src/worker.ts', popup: 'extension/src/popup.ts', options: 'extension/src/options.ts' },
  format: 'esm',
  outdir: OUT,
});
await build({ ...common, entryPoints: { content: 'extension/src/content.ts' }, format: 'iife', outdir: OUT });

for (const f of ['manifest.json', 'popup.html', 'options.html']) copyFileSync(join('extension', f), join(OUT, f));
// Rule data and lexicons as one JSON file by name, as the shells' loadRuleData reads them.
const data = {};
for (const f of readdirSync(DATA).sort())
  if (f.endsWith('.json') && f !== 'corpus-manifest.json') data[f.slice(0, -5)] = JSON.parse(readFileSync(join(DATA, f), 'utf8'));
writeFileSync(join(OUT, 'data', 'rule-data.json'), JSON.stringify(data));
for (const f of ['corpus-index.bin', 'word-vectors.bin', 'english-words.bin']) copyFileSync(join(DATA, f), join(OUT, 'data', f));

// The zip holds the folder's files at its root, as Chrome's "Load unpacked" expects the folder.
const files = {};
const add = (dir, prefix = '') => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) add(path, `${prefix}${name}/`);
    else files[`${prefix}${name}`] = [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
};
add(OUT);
writeFileSync(ZIP, zipSync(files, { level: 9 }));
const size = (p) => `${(statSync(p).size / 1024 / 1024).toFixed(1)} MB`;
console.log(`extension: ${OUT} (${Object.keys(files).length} files), ${ZIP} ${size(ZIP)}`);
