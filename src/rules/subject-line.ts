import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';
import type { FollowUpData } from '../analysis/earlier-touch.js';

interface Options {
  maxLength: number;
}

interface Data {
  'follow-ups': FollowUpData;
}

// "RE:", "Re :", "FW:", "Fwd:", also bracketed as some clients write them ("[RE]").
const REPLY_PREFIX = /^\s*(?:\[\s*)?(re|fwd?|aw|wg|tr|sv|vs)\s*(?:\]|:)/i;
const CURRENCY_FIRST = /^\s*(?:[$€£¥₹]\s?\d|\d[\d,.]*\s?(?:usd|eur|gbp|dollars|euros|pounds)\b)/i;
const LETTER = /\p{L}/gu;

/** Every letter upper case, over at least two words and six letters ("FREE DEMO INSIDE", not "SOC 2" or "AI"). */
function allCaps(subject: string): boolean {
  const letters = subject.match(LETTER) ?? [];
  const words = subject.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return letters.length >= 6 && words.length >= 2 && letters.every((l) => l === l.toUpperCase() && l !== l.toLowerCase());
}

/**
 * The subject line: what decides whether the email is opened, and what filters read first.
 * Only drafts with a subject field are checked (a body pasted alone has none to judge).
 */
export const subjectLine: Rule<Options, Data> = {
  meta: {
    id: 'subject-line',
    type: 'problem',
    description:
      'Flags a subject line that is empty, too long for a phone, all caps, a fake "RE:" or "FW:" on a first email, has "!!", opens with a money amount, or holds a merge field that can render empty.',
    defaultSeverity: 'warning',
    messages: {
      empty:
        'The subject line is empty: mail with no subject looks like spam or a mistake, and the reader has no reason to open it. Write a few words about them.',
      tooLong:
        'The subject line is {{length}} characters, over {{max}}: a phone shows about the first 30 to 40, so the end is cut off. Keep it short enough to read whole.',
      allCaps: 'The subject line is all capitals: it reads as shouting, and spam filters score it. Write it in normal case.',
      fakeReply:
        'The subject starts with "{{prefix}}:" but this is a first email (no earlier message in the thread or sequence): a fake reply tricks the reader into opening, and filters and readers treat it as deception. Drop the prefix.',
      exclamations: 'The subject line has "!!": repeated exclamation marks are a classic spam sign that filters score. Use none.',
      currencyFirst:
        'The subject line opens with a money amount: prize and offer spam opens that way, and filters score it. Lead with the reader, not a figure.',
      emptyField:
        'The merge field {{field}} in the subject has no fallback: for a prospect without a {{name}}, the subject renders with a hole in it. Give it a fallback or write the subject without it.',
    },
    options: {
      maxLength: {
        type: 'number',
        default: 60,
        minimum: 1,
        description: 'Most characters a subject may have (merge fields counted as written).',
      },
    },
    docs: 'docs/rules/subject-line.md',
    uses: ['follow-ups'],
    points: 3,
    maxPoints: 6,
    group: 'form',
    source:
      "The 60-character limit is common email-marketing guidance for a subject that fits a phone's inbox (mobile clients show roughly the first 30–40 characters); Boomerang's study of subject lines found that short ones, of three or four words, got the most replies. Apache SpamAssassin scores an all-caps subject (`SUBJ_ALL_CAPS`) and a subject with repeated exclamation marks (`PLING_PLING`). A fake `RE:` or `FW:` on a first email is what the FTC's CAN-SPAM guide calls a deceptive subject line. The money-first check is this project's own, after the shape of prize and offer spam.",
  },

  check(draft, { options, data, analysis }) {
    const subject = draft.subject;
    if (!subject) return [];
    const text = subject.text;
    const whole = { part: 'subject' as const, start: 0, end: text.length };
    if (text.trim() === '') return [{ messageId: 'empty' }];
    const reports: Report[] = [];
    const length = [...text.trim()].length;
    if (length > options.maxLength) reports.push({ ...whole, messageId: 'tooLong', data: { length, max: options.maxLength }, details: { length } });
    if (allCaps(text)) reports.push({ ...whole, messageId: 'allCaps' });
    const prefix = REPLY_PREFIX.exec(text);
    if (prefix && !analysis.earlierTouch(data['follow-ups'])) {
      reports.push({ part: 'subject', start: prefix.index, end: prefix.index + prefix[0].length, messageId: 'fakeReply', data: { prefix: prefix[1]! } });
    }
    const bang = /!{2,}/.exec(text);
    if (bang) reports.push({ part: 'subject', start: bang.index, end: bang.index + bang[0].length, messageId: 'exclamations' });
    const money = CURRENCY_FIRST.exec(text);
    if (money) reports.push({ part: 'subject', start: money.index, end: money.index + money[0].length, messageId: 'currencyFirst' });
    if (draft.mode === 'template') {
      for (const p of draft.placeholders) {
        if (p.part !== 'subject' || p.kind !== 'profile' || p.malformed || p.fallback) continue;
        reports.push({
          part: 'subject',
          start: p.start,
          end: p.end,
          messageId: 'emptyField',
          data: { field: p.raw, name: p.name.replace(/_/g, ' ') },
          details: { field: p.name },
        });
      }
    }
    return reports;
  },
};
