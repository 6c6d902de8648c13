import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILES } from '../config/discover.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { Rule } from '../kernel/rule.js';

/** `--init`: writes a starter .outreachlintrc.yml listing every rule at its default level. */
export function writeStarterConfig(cwd: string, rules: readonly Rule[]): string {
  const existing = CONFIG_FILES.filter((f) => f !== 'package.json').find((f) => existsSync(join(cwd, f)));
  if (existing) throw new InputError(join(cwd, existing), 'a config file already exists here', 'edit it, or remove it and run --init again');
  const path = join(cwd, '.outreachlintrc.yml');
  const level = (l: string) => (l === 'warning' ? 'warn' : l);
  const lines = [
    '# outreach-lint configuration. Levels: off, info, warn, error.',
    '# A rule with options takes [level, { option: value }]; see docs/rules/<id>.md.',
    'rules:',
    ...rules.map((r) => `  ${r.meta.id}: ${level(r.meta.defaultSeverity)}`),
    '',
    '# "auto" decides per file: placeholders and no prospect data make a template.',
    'mode: auto',
    '',
    '# Paths (gitignore patterns) never linted. .outreachlintignore works too.',
    'ignores: []',
    '',
  ];
  writeFileAtomic(path, lines.join('\n'));
  return path;
}
