#!/usr/bin/env node
// The CLI is a minified bundle; with --debug its stack traces are mapped back to the sources.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { main } = await import('../dist/cli-bundle/main.js');

process.exitCode = await main(process.argv.slice(2));
