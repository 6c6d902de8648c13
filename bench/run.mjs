// npm run bench: every figure is measured in this run beside its baseline. Pass --quick to
// skip the 100,000-message corpus.
import { coldStart } from './cold-start.mjs';
import { draftLength } from './draft-length.mjs';
import { corpusBench } from './corpus-bench.mjs';
import { reviewBench } from './review-bench.mjs';
import { serverBench } from './server-bench.mjs';
import { requestLevels } from './request-levels.mjs';
import { extensionBench } from './extension-bench.mjs';

const quick = process.argv.includes('--quick');
console.log(`outreach-lint benchmarks, Node ${process.version}, ${new Date().toISOString()}\n`);
console.log(coldStart());
console.log();
console.log(await draftLength());
console.log();
console.log(await requestLevels());
console.log();
console.log(await corpusBench({ sizes: quick ? [1000, 10000] : [1000, 10000, 100000], queries: 60 }));
console.log();
console.log(await serverBench({ seconds: quick ? 3 : 8 }));
console.log();
console.log(await reviewBench({ sizes: quick ? [1000, 10000] : [1000, 10000, 100000] }));
console.log();
console.log(await extensionBench());
