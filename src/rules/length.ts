import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';
import type { FollowUpData } from '../analysis/earlier-touch.js';

interface Options {
  min: number;
  max: number;
  followUpMin: number;
  followUpMax: number;
}

interface Data {
  'follow-ups': FollowUpData;
}

/**
 * The length of the message proper, in words: the greeting, sign-off, signature, quoted
 * reply and footer are not what the reader weighs, so they are not counted. A follow-up (a
 * thread's reply, a later step, follow-up wording) is held to its own, shorter window.
 */
export const length: Rule<Options, Data> = {
  meta: {
    id: 'length',
    type: 'suggestion',
    description: 'Flags an email whose message is shorter or longer than the window that gets replies (50–125 words; a follow-up, at most 75).',
    defaultSeverity: 'warning',
    messages: {
      tooLong:
        'This {{what}} is {{words}} words long, over {{max}}: the reader has to scroll before reaching your point, and replies drop as emails grow. Cut it to the fact about them, your one point and one question. The words past {{max}} start in this sentence.',
      tooShort:
        'This {{what}} is {{words}} words long, under {{min}}: too short to say who you are, why them and why now. Add the one fact about them that made you write.',
    },
    options: {
      min: { type: 'number', default: 50, minimum: 0, description: 'Fewest words of message in a first email.' },
      max: { type: 'number', default: 125, minimum: 1, description: 'Most words of message in a first email.' },
      followUpMin: { type: 'number', default: 0, minimum: 0, description: 'Fewest words in a follow-up (0: no lower limit; a two-line bump is fine).' },
      followUpMax: {
        type: 'number',
        default: 75,
        minimum: 1,
        description: 'Most words in a follow-up: a reply in a thread, a step after the first, or an email with follow-up or breakup wording.',
      },
    },
    docs: 'docs/rules/length.md',
    uses: ['follow-ups'],
    points: 3,
    maxPoints: 3,
    group: 'form',
    source:
      "Boomerang's study of over 40 million emails (\"How to Write an Email\", 2016): emails of 50–125 words got replies more than 50% of the time. Lavender's reports on sales email advise shorter still (25–50 words got the most replies), so teams that follow Lavender may set `max: 50`. The follow-up window of 75 words is this project's own: a follow-up adds one new point to an email the reader has already seen.",
  },

  check(_draft, { options, data, analysis }) {
    const { words } = analysis.form.metrics;
    if (words === 0) return [];
    const touch = analysis.earlierTouch(data['follow-ups']);
    const what = touch ? 'follow-up' : 'email';
    const min = touch ? options.followUpMin : options.min;
    const max = touch ? options.followUpMax : options.max;
    const details = { words, followUp: touch ? touch.by : false };
    const reports: Report[] = [];
    if (words > max) {
      // Point at the sentence in which the count passes the limit, as max-len points at the column.
      let count = 0;
      const over = analysis.form.sentences.find((s) => (count += s.words) > max)!;
      reports.push({ part: 'body', start: over.start, end: over.end, messageId: 'tooLong', data: { what, words, max }, details });
    } else if (words < min) {
      reports.push({ messageId: 'tooShort', data: { what, words, min }, details });
    }
    return reports;
  },
};
