import type { Formatter } from './types.js';

/** GitHub Actions workflow commands: each finding becomes an annotation on its line. */
export const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const cmd = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${property(r.filePath)}`,
        `line=${f.line}`,
        `endLine=${f.endLine}`,
        `col=${f.column}`,
        ...(f.endLine === f.line ? [`endColumn=${f.endColumn}`] : []),
        `title=${property(`outreach-lint (${f.ruleId})`)}`,
      ];
      lines.push(`::${cmd} ${props.join(',')}::${data(f.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
