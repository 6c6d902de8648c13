#!/usr/bin/env node
// CommonJS (see bin/package.json), like the bundle it loads: no ESM loader on a plain lint.
// The CLI is a minified bundle; with --debug its stack traces are mapped back to the sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
require('../dist/cli-bundle/main.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
