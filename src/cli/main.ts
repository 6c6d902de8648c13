import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { FORMAT_NAMES } from '../formatters/index.js';
import { packageRoot } from '../fs/package-root.js';
import type { CorpusFlags } from './corpus-command.js';
import type { ReviewFlags } from './review-command.js';
import type { ServeFlags } from './serve-command.js';
import { runLint, type Io, type LintFlags } from './lint-command.js';
import { EXIT_FATAL, reportError } from './report-error.js';
import { quietOnBrokenPipe } from './broken-pipe.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Options several commands share, worded and parsed the same everywhere. */
/** The output option of the commands that print one record: text for people, json for tools. */
function textOrJson(): Option {
  return new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text');
}

function withShared(cmd: Command, want: { config?: boolean; corpus?: 'both' | 'default'; csv?: boolean; color?: boolean }): Command {
  if (want.config) cmd.option('-c, --config <path>', 'use this config file instead of searching for one');
  if (want.corpus === 'both') cmd.option('--corpus <path>', 'also compare against this folder, file or CSV of messages (repeatable)', collect);
  if (want.corpus) cmd.option('--no-default-corpus', 'do not compare against the shipped generic corpus');
  if (want.csv) {
    cmd.option('--csv-subject <column>', 'CSV column that holds the subject (default: detected from the header)');
    cmd.option('--csv-body <column>', 'CSV column that holds the body (default: detected from the header)');
    cmd.option('--json-subject <path>', 'where a JSON payload of your own layout keeps the subject, e.g. properties.draft_subject');
    cmd.option('--json-body <path>', 'where a JSON payload of your own layout keeps the body (text or HTML)');
    cmd.option('--json-prospect <path>', "where a JSON payload of your own layout keeps the prospect's fields");
  }
  if (want.color) cmd.option('--color', 'force colour output').option('--no-color', 'disable colour output');
  return cmd.option('--debug', 'show stack traces for internal errors');
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function defaultIo(): Io {
  const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  // Getters: touching process.stdin or .stdout sets up a stream, which a run may never need.
  return {
    cwd: process.cwd(),
    get stdout() {
      return quietOnBrokenPipe(process.stdout);
    },
    get stderr() {
      return quietOnBrokenPipe(process.stderr);
    },
    get stdin() {
      return process.stdin;
    },
    readStdin,
    env: process.env,
    version,
  };
}

/** The command line. Returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const debug = argv.includes('--debug');
  let code = 0;
  const program = new Command('outreach-lint')
    .description("Lint sales outreach emails for context collapse: copy that sounds like everyone else's.")
    .version(io.version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  withShared(
    program
      .command('lint', { isDefault: true })
      .description('lint drafts and templates (the default command)')
      .argument('[paths...]', 'files, folders or globs to lint'),
    { config: true, corpus: 'both', csv: true, color: true },
  )
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .option('--rule <id:severity>', "set a rule's level, e.g. stock-phrase:off (repeatable)", collect)
    .addOption(new Option('--mode <mode>', 'treat inputs as drafts or templates (default: decide per file)').choices(['auto', 'draft', 'template']))
    .option('--print-config', 'print the settings this run would use, then exit')
    .option('--init', 'write a starter .outreachlintrc.yml here, then exit')
    .option('--stdin', 'lint the draft read from standard input')
    .option('--stdin-filename <name>', 'name (and so the format) of the draft on stdin')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--quiet', 'report errors only')
    .option('--ignore-path <file>', `ignore file to use (default: .outreachlintignore)`)
    .option('--ignore-pattern <pattern>', 'a gitignore pattern of paths to skip (repeatable)', collect)
    .option('--no-ignore', 'lint files even when ignore patterns match them')
    .option('--max-file-size <size>', 'largest draft to read, e.g. 2MB (default 1MB)')
    .option('--signal <text>', 'save this research signal, in your own words, with the one draft named')
    .option(
      '--signal-type <type>',
      "the signal's type: funding, hiring, leadership, launch, tech-stack, expansion, metric, press, own-content, event, intent, first-hand, review, regulation or other",
    )
    .option('--no-interactive', 'never ask for a missing research signal')
    .option('--prospect <key=value>', 'a prospect profile field for every draft, e.g. company="Tern Labs" (repeatable)', collect)
    .action(async (paths: string[], flags: LintFlags) => {
      code = await runLint(paths, flags, io);
    });

  withShared(
    program
      .command('review')
      .description("review a team's templates: a ranked table, near-copy clusters, and an HTML report")
      .argument('[paths...]', 'files, folders, globs or CSV exports'),
    { config: true, corpus: 'both', csv: true, color: true },
  )
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--report <file.html>', 'also write a self-contained HTML report')
    .option('--limit <n>', 'rows in the terminal table (default 50)')
    .option('--max-file-size <size>', 'largest draft to read, e.g. 2MB (default 1MB)')
    .option('--csv-name <column>', 'CSV column that holds the template name')
    .option('--csv-step <column>', 'CSV column that holds the sequence step')
    .option('--jobs <n>', 'worker threads to lint on (default: one per core once there is 256 KB to lint)')
    .option('--outcomes <export.csv>', "the sequencing tool's export of sends and replies per template, step or email, joined to the drafts by name")
    .option('--outcome-template <column>', "the export's column of template names the outcomes join to drafts by, when its name is not a known one")
    .option('--outcome-sent <column>', 'the column of sent (or delivered) emails, when its name is not a known one')
    .option('--outcome-replied <column>', 'the column of replies (a count, a flag or a replied-at time), when its name is not a known one')
    .option('--min-sends <n>', 'sends each side of a comparison needs before a difference in reply rate is called out (default 200)')
    .action(async (paths: string[], flags: ReviewFlags) => {
      const { runReview } = await import('./review-command.js');
      code = await runReview(paths, flags, io);
    });

  withShared(program.command('serve').description('serve the pre-send hook over HTTP: POST /v1/lint, POST /v1/lint/batch, GET /v1/rules, GET /healthz'), {
    config: true,
    corpus: 'both',
  })
    .option('--host <host>', 'address to listen on (loopback unless you say otherwise)', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '8787')
    .option('--token <token>', 'require Authorization: Bearer <token> (or set OUTREACH_LINT_TOKEN)')
    .option('--body-limit <size>', 'largest request body', '256KB')
    .option('--batch-limit <n>', 'most drafts in one batch request', '100')
    .option('--timeout <ms>', 'how long a request body may take to arrive', '5000')
    .option('--lint-timeout <ms>', 'how long one lint may run before it is stopped and answered 503', '5000')
    .option('--drain-timeout <ms>', 'on SIGTERM, how long requests in flight may take before they are cut off', '10000')
    .option('--on-error <status|block>', 'answer a lint request that cannot be checked with its 4xx/5xx status, or with 200 and verdict block', 'status')
    .option('--log-bodies', 'include request bodies (email text) in the request log')
    .option('--workers <n>', 'processes that share the port, one linter each', '1')
    .action(async (flags: ServeFlags) => {
      const { runServe } = await import('./serve-command.js');
      code = await runServe(flags, io);
    });

  withShared(program.command('signal').description('show the research signal saved with a draft; --clear removes it').argument('<file>', 'the draft'), {})
    .option('--clear', 'remove the saved signal')
    .addOption(textOrJson())
    .option('--json', 'the same as --format json')
    .action(async (file: string, flags: { clear?: boolean; json?: boolean; format: string }) => {
      const { runSignal } = await import('./signal-command.js');
      code = await runSignal(file, { ...flags, json: flags.json || flags.format === 'json' }, io);
    });

  const corpus = program.command('corpus').description('build or inspect the corpus index');
  for (const [name, description] of [
    ['build', 'build the corpus index and cache it, then print its statistics'],
    ['stats', 'print message and sentence counts, archetypes, and build and load times'],
  ] as const) {
    const command = withShared(
      corpus.command(name).description(description).argument('[paths...]', "corpus folders or files (default: the shipped corpus and the config's corpus)"),
      { config: true, corpus: 'default', csv: true },
    )
      .addOption(textOrJson())
      .option('--json', 'the same as --format json');
    if (name === 'build') command.option('--out <file>', "also write the index to a file (the browser extension's options page imports it)");
    command.action(async (paths: string[], flags: CorpusFlags & { format: string }) => {
      const { runCorpus } = await import('./corpus-command.js');
      code = await runCorpus(name, paths, { ...flags, json: flags.json || flags.format === 'json' }, io);
    });
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : EXIT_FATAL;
    }
    reportError(e, debug, io.stderr);
    return EXIT_FATAL;
  }
}
