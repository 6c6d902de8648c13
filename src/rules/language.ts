import type { Rule } from '../kernel/rule.js';
import { LANGUAGE_DEFAULTS } from '../analysis/language.js';

interface Options {
  minLetters: number;
  maxEnglishShare: number;
}

interface Data {
  /** ISO 639-3 code -> the language's English name, for the message. */
  names: Record<string, string>;
}

/**
 * The rules' phrase lists, signal cues and corpus are English: on a draft in another language
 * they stay silent or misfire, and a missing-signal alone would mislead. This says so once.
 */
export const language: Rule<Options, Data> = {
  meta: {
    id: 'language',
    type: 'suggestion',
    description: 'Says when a draft is not in English, so that the English-only checks (research signals, corpus, stock phrases) are read for what they are.',
    defaultSeverity: 'info',
    messages: {
      notEnglish:
        "This email looks like {{language}}: outreach-lint's phrase lists, research-signal checks and corpus are written for English, so on this draft they may miss problems or report ones that are not there (a missing-signal among them). Check it by hand.",
    },
    options: {
      minLetters: {
        type: 'number',
        default: LANGUAGE_DEFAULTS.minLetters,
        minimum: 1,
        description: 'Fewest letters of message before the language is judged: a detector needs some text to tell languages apart.',
      },
      maxEnglishShare: {
        type: 'number',
        default: LANGUAGE_DEFAULTS.maxEnglishShare,
        minimum: 0,
        maximum: 1,
        description: 'A draft whose share of English words is at least this is taken for English without running the detector.',
      },
    },
    docs: 'docs/rules/language.md',
    group: 'form',
    source:
      'Languages are told by [franc-min](https://github.com/wooorm/franc) (82 languages, trigram profiles drawn from the Universal Declaration of Human Rights), run only on a draft whose words are mostly not in the English word list the build ships.',
  },

  check(_draft, { options, data, analysis }) {
    const code = analysis.foreignLanguage(options);
    if (!code) return [];
    return [{ messageId: 'notEnglish', data: { language: data.names[code] ?? `the language coded "${code}"` }, details: { language: code } }];
  },
};
