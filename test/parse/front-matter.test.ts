import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readFrontMatter } from '../../src/parse/front-matter.js';
import { LineIndex } from '../../src/parse/source-map.js';
import { MAX_ALIAS_COUNT, yaml, yamlData } from '../../src/parse/yaml.js';

/** Nine levels of nine aliases each: 9^9 values once expanded. */
function aliasBomb(): string {
  const names = 'abcdefghi';
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}

const read = (file: string, text: string) => readFrontMatter(file, new LineIndex(text));

describe('front matter aliases', () => {
  it('refuses an alias bomb with the one line for invalid front matter, at the first alias', () => {
    const started = performance.now();
    expect(() => read('bomb.md', `---\n${aliasBomb()}\n---\nHi Dana`)).toThrow(
      new InputError(
        'bomb.md:3:8',
        `invalid front matter: aliases expand too far (at most ${MAX_ALIAS_COUNT} alias expansions are allowed)`,
        'fix the YAML between the --- lines',
      ),
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an alias with no anchor the same way', () => {
    expect(() => read('alias.md', '---\nprospect:\n  company: *nowhere\n---\nHi')).toThrow(
      /^alias\.md:3:12: invalid front matter: Unresolved alias \(the anchor must be set before the alias\): nowhere; fix the YAML between the --- lines$/,
    );
  });

  it('still reads the few aliases a person might write', () => {
    const fm = read('ok.md', '---\nprospect:\n  company: &co Tidewater\n  account: *co\n---\nHi');
    expect(fm!.prospect.account!.value).toBe('Tidewater');
  });
});

describe('yamlData', () => {
  it('caps alias expansion below the library default of 100', () => {
    expect(MAX_ALIAS_COUNT).toBeLessThan(100);
    const doc = yaml().parseDocument(
      `a: &a x\nb: [${Array(MAX_ALIAS_COUNT + 1)
        .fill('*a')
        .join(', ')}]`,
    );
    expect(() => yamlData(doc)).toThrow(/Excessive alias count/);
  });
});
