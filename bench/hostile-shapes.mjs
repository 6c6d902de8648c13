// Inputs shaped to find lint time that grows faster than the input: each repeats one pattern
// up to the size asked for. Shared by the linear-time test and `npm run bench:growth`.

const REALISTIC = [
  'Hi Dana,',
  '',
  'Saw that Keel & Co opened a Reno depot on 3 March, and that your team now books carriers for 14 states.',
  'We help logistics teams pay carriers faster; one customer cut invoice disputes by 40% in a quarter.',
  'Would a short call next week help? I hope this finds you well.',
  '',
  '- faster payouts',
  '- fewer disputes',
  '',
  'Best,',
  'Mo',
  '',
  '',
].join('\n');

const repeat = (unit) => (bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/** Shape name -> a function from a size in bytes to a draft of about that size. */
export const HOSTILE_SHAPES = {
  'one long token': repeat('a'),
  'consonants, no vowel': repeat('bcdfghjklmnpqrstvwxz'),
  '"%a" repeated': repeat('%a'),
  '". " repeated': repeat('. '),
  '"{{a}} " repeated': repeat('{{a}} '),
  '"{{a " unclosed': repeat('{{a '),
  'stock phrase repeated': repeat('I hope this finds you well. '),
  '"{{---" lines (found by the fuzzer)': repeat('\r\n{{---\n'),
  bullets: repeat('- a\n'),
  numbers: repeat('1 '),
  'realistic text': repeat(REALISTIC),
  // Each a word no list knows, so each is checked as a possible name.
  'distinct unknown words': (bytes) =>
    Array.from({ length: Math.ceil(bytes / 9) }, (_, i) => `qz${(i * 7919).toString(36)}x`)
      .join(' ')
      .slice(0, bytes),
  'links with no space between them': repeat('https://a.bc/word/'),
  'a name before "blog" repeated': repeat('Acme blog, '),
  // One sentence of parts of their site and of pieces of theirs, each with a state after it.
  'parts of their site in one sentence': repeat('your pricing page, your Services page, your site on http, your Rust async book still '),
  "the prospect's activity on the sender's product": (bytes) =>
    `I'm building Quillfeather. Noticed you browsing${' Quillfeather'.repeat(Math.ceil(bytes / 13))}`.slice(0, bytes),
};

export const GROWTH_SIZES_KB = [25, 50, 100, 200];

/** The shortest of `runs` timings of `fn`, in ms: one pause for garbage collection or another process does not decide. */
export async function bestTime(fn, runs) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
