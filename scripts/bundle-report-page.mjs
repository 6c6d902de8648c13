// Bundles the HTML report's page code (src/review/page/report-page.ts, browser TypeScript)
// into dist/review/report-page.js, which every report inlines in a <script> element. The
// bundle is checked here for anything that would end that element early, so the report
// builder can inline it as it is.
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/review/report-page.js';

const result = await build({
  entryPoints: ['src/review/page/report-page.ts'],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  write: false,
  legalComments: 'none',
});
const code = result.outputFiles[0].text;
const bad = /<\/script|<!--/i.exec(code);
if (bad) {
  console.error(`bundle-report-page: the page script holds "${bad[0]}", which would end its <script> element; write it another way`);
  process.exit(1);
}
mkdirSync('dist/review', { recursive: true });
writeFileSync(OUT, code);
