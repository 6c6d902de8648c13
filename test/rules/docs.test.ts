import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';

const level = (l: string) => (l === 'warning' ? 'warn' : l);

// Every rule has a docs page like ESLint's, kept in step with the rule's meta.
describe('rule docs pages', () => {
  for (const { meta } of allRules) {
    describe(meta.id, () => {
      const page = existsSync(meta.docs) ? readFileSync(meta.docs, 'utf8') : '';
      it('exists at docs/rules/<id>.md', () => {
        expect(meta.docs).toBe(`docs/rules/${meta.id}.md`);
        expect(page).not.toBe('');
      });
      it('starts with the id and the description from meta', () => {
        const [title, , description] = page.split('\n');
        expect(title).toBe(`# ${meta.id}`);
        expect(description).toBe(meta.description);
      });
      it('states the type and default severity', () => {
        expect(page).toContain(`- Type: ${meta.type}\n`);
        expect(page).toMatch(new RegExp(`\n- Default severity: ${level(meta.defaultSeverity)}[\n (]`));
      });
      it('lists every message with its exact text', () => {
        for (const [id, text] of Object.entries(meta.messages)) expect(page).toContain(`| ${id} | ${text} |`);
      });
      it('documents every option', () => {
        const options = Object.keys(meta.options);
        if (options.length === 0) expect(page).toMatch(/## Options\n\nNone\./);
        for (const o of options) expect(page).toContain(`| ${o} |`);
      });
      it('has examples that flag and that pass', () => {
        expect(page).toMatch(/## Examples[\s\S]*Flags[\s\S]*Passes/);
      });
    });
  }

  it('has no page for a rule that does not exist', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    for (const file of readdirSync('docs/rules')) expect(ids.has(file.replace(/\.md$/, ''))).toBe(true);
  });
});
