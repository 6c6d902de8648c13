import type { Formatter } from './types.js';

/** JUnit XML: one test suite per draft, one failing test case per error or warning. */
export const junit: Formatter = (results) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites name="outreach-lint">'];
  for (const r of results) {
    const name = r.index !== undefined ? `${r.filePath} [${r.index}]` : r.filePath;
    const failing = r.findings.filter((f) => f.severity !== 'info');
    out.push(`  <testsuite name="${xml(name)}" tests="${Math.max(1, failing.length)}" failures="${failing.length}" errors="0">`);
    if (failing.length === 0) out.push(`    <testcase name="${xml(`${r.verdict} (score ${r.score})`)}" classname="${xml(name)}" />`);
    for (const f of failing) {
      out.push(`    <testcase name="${xml(`${f.ruleId} ${f.line}:${f.column}`)}" classname="${xml(name)}">`);
      out.push(
        `      <failure message="${xml(f.message)}" type="${f.severity}">${xml(`${f.severity}: ${f.message} (${f.ruleId}) at ${name}:${f.line}:${f.column}`)}</failure>`,
      );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};

function xml(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters, so they are what this strips.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
