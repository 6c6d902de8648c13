import { pathToFileURL } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import type { Severity } from '../kernel/types.js';
import type { Formatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const HOME = 'https://github.com/outreach-lint/outreach-lint';

/** SARIF 2.1.0, for code-scanning dashboards: rules with descriptions and help, results with regions. */
export const sarif: Formatter = (results, { rules, version, cwd }) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const relative = (p: string) => (isAbsolute(p) ? pathToFileURL(p).href : p.split('\\').join('/').split('/').map(encodeURIComponent).join('/'));
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'outreach-lint',
            version,
            informationUri: HOME,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              help: { text: `${r.description} See ${r.docs}.`, markdown: `${r.description} See [${r.docs}](${HOME}/blob/main/${r.docs}).` },
              helpUri: `${HOME}/blob/main/${r.docs}`,
              defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : LEVEL[r.defaultSeverity] },
              properties: { tags: [r.type] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(`${resolve(cwd)}/`).href } },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: isAbsolute(r.filePath) ? { uri: relative(r.filePath) } : { uri: relative(r.filePath), uriBaseId: 'SRCROOT' },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
            properties: { verdict: r.verdict, score: r.score },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
