// Bundles the CLI into dist/cli-bundle/: one entry file plus a chunk per lazily loaded part
// (server, review, prompts, .eml/.html/.csv parsers, output formats). A cold lint then
// resolves and reads a handful of files instead of ~150 modules across node_modules.
// The library entry (dist/index.js) stays unbundled.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * commander requires node:child_process at load time for git-style subcommands, which this CLI
 * does not use; that module pulls in net, dgram and streams, ~6 ms of every cold start. The
 * bundle defers it to the first spawn.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!src.includes(eager)) throw new Error(`${args.path}: commander no longer requires child_process as expected; update scripts/bundle-cli.mjs`);
      return { contents: src.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};

rmSync('dist/cli-bundle', { recursive: true, force: true });
await build({
  entryPoints: { main: 'dist/cli/main.js' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazyChildProcess],
  // CommonJS dependencies call require(); an ESM chunk has none of its own.
  banner: { js: "import{createRequire as __olReq}from'node:module';const require=__olReq(import.meta.url);" },
});
