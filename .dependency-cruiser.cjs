// The layers of DESIGN.md, checked by `npx depcruise src` and by test/layers.test.ts.
// The kernel, the rules and the analysis they share run anywhere (a browser's compose box
// too): they import no Node built-in and reach no module of the I/O side.
const ANYWHERE = '^src/(kernel|rules|analysis)/';
const IO_SIDE = [
  '^src/(fs|cli|server|review|config)/',
  '^src/(outreach-lint|index)\\.ts$',
  '^src/corpus/(load-corpus|corpus-files|index-file|stopwatch)\\.ts$',
  '^src/signal/',
  '^src/browser/',
];

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'Modules import each other in one direction only.', severity: 'error', from: {}, to: { circular: true } },
    { name: 'kernel-no-node', comment: 'The kernel, rules and analysis import no Node built-in.', severity: 'error', from: { path: ANYWHERE }, to: { dependencyTypes: ['core'] } },
    { name: 'kernel-no-io', comment: 'Nothing the kernel, rules or analysis import, however indirectly, is on the I/O side.', severity: 'error', from: { path: ANYWHERE }, to: { path: IO_SIDE, reachable: true } },
    { name: 'kernel-below-rules', comment: 'The kernel knows rules only by their meta, never by module.', severity: 'error', from: { path: '^src/kernel/' }, to: { path: '^src/rules/' } },
    { name: 'report-page-alone', comment: 'The report page runs in a browser: it imports only the shape of the data it is given.', severity: 'error', from: { path: '^src/review/page/' }, to: { pathNot: '^src/review/report-shape\\.ts$' } },
    { name: 'rules-not-shells', comment: 'A rule never reaches into a shell or a formatter.', severity: 'error', from: { path: '^src/rules/' }, to: { path: '^src/(cli|server|review|formatters)/' } },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
