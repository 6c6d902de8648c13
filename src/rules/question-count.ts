import type { Rule } from '../kernel/rule.js';

interface Options {
  min: number;
  max: number;
}

/**
 * How many questions the message asks. A question is a sentence that ends in a question mark,
 * the call to action ("Worth a call?") included; questions in the quoted reply, greeting and
 * signature are someone else's or no question at all.
 */
export const questionCount: Rule<Options> = {
  meta: {
    id: 'question-count',
    type: 'suggestion',
    description: 'Flags an email that asks no question, or more than three: one to three questions get the most replies.',
    defaultSeverity: 'warning',
    messages: {
      none: 'This email asks no question, so the reader has nothing to answer. End with one question they can answer in a line ("Worth a look?" counts).',
      tooMany:
        'This email asks {{count}} questions, more than {{max}}: a reader faced with a list of questions answers none. Keep the one that matters most; this is question {{nth}}.',
    },
    options: {
      min: { type: 'number', default: 1, minimum: 0, description: 'Fewest questions an email must ask (0 turns the check for none off).' },
      max: { type: 'number', default: 3, minimum: 0, description: 'Most questions an email may ask.' },
    },
    docs: 'docs/rules/question-count.md',
    points: 3,
    maxPoints: 3,
    group: 'form',
    source:
      'Boomerang\'s study of over 40 million emails ("How to Write an Email", 2016): emails that asked one to three questions were 50% more likely to get a reply than emails that asked none; more questions than that did worse than three.',
  },

  check(_draft, { options, analysis }) {
    const questions = analysis.form.sentences.filter((s) => s.question);
    if (analysis.form.metrics.words === 0) return [];
    if (questions.length < options.min) return [{ messageId: 'none', details: { questions: 0 } }];
    const over = questions[options.max];
    if (!over) return [];
    return [
      {
        part: 'body',
        start: over.start,
        end: over.end,
        messageId: 'tooMany',
        data: { count: questions.length, max: options.max, nth: options.max + 1 },
        details: { questions: questions.length },
      },
    ];
  },
};
