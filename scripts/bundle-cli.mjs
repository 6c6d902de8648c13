// Bundles the CLI's plain-lint path into one file, dist/cli-bundle/main.cjs: a cold lint then
// reads and links one module instead of ~150 across dist/ and node_modules. What a plain
// lint does not use stays out of the bundle and is imported from dist/ (or node_modules) on
// first use: the other commands (review, serve, signal, corpus), the signal prompt, the
// .eml, .html and .csv parsers, the output formats other than stylish, and packages loaded
// with import() (fast-glob, ignore, @inquirer/prompts, cli-progress). YAML, needed only for
// front matter and YAML config, is one prebundled file beside it, dist/cli-bundle/yaml.cjs.
// The library entry (dist/index.js) stays unbundled.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const OUT_DIR = 'dist/cli-bundle';

/** Modules imported with import() that stay lazy: loaded from dist/ when first needed. */
const LAZY_MODULES = [
  /[\\/]cli[\\/](review|serve|signal|corpus)-command\.js$/,
  /[\\/]cli[\\/]capture-signals\.js$/,
  /[\\/]parse[\\/](eml|html|csv)-draft\.js$/,
  /[\\/]formatters[\\/](json|sarif|junit|github)\.js$/,
];

/** What the bundle imports lazily, as written in it: each becomes an `__olImport()` call. */
const lazySpecifiers = new Set();

const lazyParts = {
  name: 'lazy-parts',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      // Packages and node: builtins behind import() resolve from the bundle at run time.
      if (!args.path.startsWith('.')) {
        lazySpecifiers.add(args.path);
        return { path: args.path, external: true };
      }
      const target = resolve(args.resolveDir, args.path);
      if (!LAZY_MODULES.some((re) => re.test(target))) return undefined;
      const rel = relative(OUT_DIR, target).replace(/\\/g, '/');
      const path = rel.startsWith('.') ? rel : `./${rel}`;
      lazySpecifiers.add(path);
      return { path, external: true };
    });
  },
};

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

/**
 * The yaml package is loaded with a plain require() only when a draft has front matter or a
 * config file is YAML; resolving and compiling its ~60 files cost such a lint ~40 ms. The
 * bundle takes it from one prebundled file instead, built below.
 */
const vendoredYaml = {
  name: 'vendored-yaml',
  setup(b) {
    b.onLoad({ filter: /[\\/]parse[\\/]yaml\.js$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      const call = "createRequire(import.meta.url)('yaml')";
      if (!src.includes(call)) throw new Error(`${args.path}: no longer loads yaml as expected; update scripts/bundle-cli.mjs`);
      return { contents: src.replace(call, "createRequire(import.meta.url)('./yaml.cjs')"), loader: 'js' };
    });
  },
};

/** Both outputs are minified CommonJS for Node 20 in OUT_DIR. */
const common = {
  outdir: OUT_DIR,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

rmSync(OUT_DIR, { recursive: true, force: true });
await build({ ...common, entryPoints: { yaml: 'node_modules/yaml/dist/index.js' } });
await build({
  ...common,
  // CommonJS, required by a CommonJS bin: a run that loads no ES module skips initialising
  // Node's ESM loader (~10 ms). The lazy parts are still loaded with import().
  entryPoints: { main: 'dist/cli/main.js' },
  // Stack traces (--debug only) map back to dist/ through this; see bin/outreach-lint.js.
  sourcemap: 'linked',
  plugins: [lazyParts, lazyChildProcess, vendoredYaml],
  // The sources use import.meta.url (package root, createRequire); a CommonJS file has its own.
  // __olImport is given by the bin, which runs the bundle through vm.Script for its code
  // cache, and V8 there cannot import() on Node 20; under a plain require it is import().
  define: { 'import.meta.url': '__olModuleUrl' },
  banner: {
    js: "var __olModuleUrl=require('node:url').pathToFileURL(__filename).href;var __olImport=typeof __olImport==='function'?__olImport:(s)=>import(s);",
  },
});

const bundle = `${OUT_DIR}/main.cjs`;
let code = readFileSync(bundle, 'utf8');
for (const spec of lazySpecifiers) {
  const call = `import(${JSON.stringify(spec)})`;
  if (!code.includes(call)) throw new Error(`${bundle}: expected ${call}; update scripts/bundle-cli.mjs`);
  code = code.split(call).join(`__olImport(${JSON.stringify(spec)})`);
}
writeFileSync(bundle, code);

// V8's code cache for the bundle, made by linting the examples once: the bin hands it to
// vm.Script, so a cold lint deserialises the functions it needs instead of compiling them
// (~9% of a cold lint). A cache from another Node or V8 is rejected and ignored.
const cache = `${bundle}.cache`;
rmSync(cache, { force: true });
const trained = spawnSync(process.execPath, ['bin/outreach-lint.js', 'examples', '--no-interactive', '--no-color'], {
  env: { ...process.env, OUTREACH_LINT_WRITE_CODE_CACHE: cache },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (trained.error || trained.status === 2 || trained.status === null)
  throw new Error(`writing ${cache} failed: ${trained.error?.message ?? `exit ${trained.status}`}`);
