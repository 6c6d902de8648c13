#!/usr/bin/env node
// CommonJS (see bin/package.json), like the bundle it loads: no ESM loader on a plain lint.
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');

const bundle = join(__dirname, '..', 'dist', 'cli-bundle', 'main.cjs');

/**
 * Runs the bundle through vm.Script with the V8 code cache that `npm run build` wrote, so a
 * cold lint deserialises the functions it needs instead of compiling them. With --debug it
 * is a plain require, so that stack traces are mapped back to the sources.
 */
function loadCli() {
  if (process.argv.includes('--debug')) {
    process.setSourceMapsEnabled(true);
    return { cli: require(bundle) };
  }
  const vm = require('node:vm');
  const { createRequire } = require('node:module');
  let cachedData;
  try {
    cachedData = readFileSync(`${bundle}.cache`);
  } catch {
    // No cache (a build without one): compile as usual.
  }
  const source = readFileSync(bundle, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __olImport) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  const base = pathToFileURL(bundle);
  const importLazily = (specifier) => import(specifier.startsWith('.') ? new URL(specifier, base).href : specifier);
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle), importLazily);
  return { cli: module.exports, script };
}

const { cli, script } = loadCli();
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // The build sets this once, after a lint of the examples, to save the cache.
  const cacheFile = process.env.OUTREACH_LINT_WRITE_CODE_CACHE;
  if (cacheFile && script) writeFileSync(cacheFile, script.createCachedData());
});
