import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLinter } from '../helpers.js';

const linter = await makeLinter({ only: ['corpus-similarity'] });
const similar = async (text: string, name = 'draft.md') => {
  const [r] = await linter.lintText(text, name);
  return r!.findings.find((f) => f.ruleId === 'corpus-similarity');
};

/** Renders a template by hand: every profile placeholder gets a value, sender fields a name. */
function render(template: string, values: Record<string, string>): { text: string; prospect: string } {
  const body = template.replace(/^---[\s\S]*?\n---\n/, '');
  const text = body.replace(/\{\{[^{}]*\{\{[^{}]*\}\}[^{}]*\}\}|\{\{[^{}]*\}\}|\*\|[A-Z_]+\|\*|%[A-Z_]+%|\{[A-Z_]+\}|\[[A-Z][A-Za-z _]+\]/g, (m) => {
    const key = m.toLowerCase();
    if (/sender|my\.|your name|owner/.test(key)) return 'Priya';
    if (/first|fname|name/.test(key) && !/company|account/.test(key)) return values.first_name!;
    if (/company|account|org/.test(key)) return values.company!;
    if (/industry/.test(key)) return values.industry!;
    if (/title|role/.test(key)) return values.title!;
    if (/city|location/.test(key)) return values.city!;
    return values.company!;
  });
  const prospect = Object.entries(values)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n');
  return { text: `---\nprospect:\n${prospect}\n---\n${text}`, prospect };
}

describe('corpus-similarity', () => {
  const templates = [
    'quick-question/02.md',
    'case-study-drop/04.md',
    'webinar-invite/07.md',
    'agency-seo-pitch/09.md',
    'founder-note/03.md',
    'saw-youre-hiring/08.md',
  ];
  it.each(templates)('a rendered mail merge of corpus/%s is flagged and names that template', async (path) => {
    const template = readFileSync(join('corpus', path), 'utf8');
    const { text } = render(template, { first_name: 'Odile', company: 'Brackwater Mills', industry: 'textiles', title: 'COO', city: 'Lyon' });
    const f = await similar(text);
    expect(f, `no finding for ${path}`).toBeDefined();
    expect(f!.message).toMatch(new RegExp(`^This email is \\d+% the same as a generic "${path.split('/')[0]}" template \\(corpus/${path}\\)\\.$`));
    expect(f!.details!.similarity as number).toBeGreaterThanOrEqual(0.8);
    expect(f!.severity).toBe('error');
  });

  it('flags every light paraphrase of a corpus message, mostly naming that message', async () => {
    const dir = 'test/fixtures/paraphrases';
    const light = readdirSync(dir).filter((f) => f.includes('-light'));
    expect(light.length).toBe(24);
    let named = 0;
    for (const f of light) {
      const text = readFileSync(join(dir, f), 'utf8');
      const finding = await similar(text, f);
      expect(finding, f).toBeDefined();
      const source = /of: (\S+)/.exec(text)![1]!;
      if ((finding!.details!.nearest as Array<{ id: string }>).some((n) => n.id === source)) named++;
    }
    expect(named).toBeGreaterThanOrEqual(22);
  });

  it('does not flag emails built around concrete facts about one prospect', async () => {
    const dir = 'eval/researched';
    const flagged: string[] = [];
    for (const f of readdirSync(dir)) if (await similar(readFileSync(join(dir, f), 'utf8'), f)) flagged.push(f);
    expect(flagged).toEqual([]);
  });
});
