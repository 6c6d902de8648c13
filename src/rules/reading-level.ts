import type { Rule } from '../kernel/rule.js';

interface Options {
  maxGrade: number;
  minWords: number;
}

/**
 * The Flesch-Kincaid grade of the message proper (src/analysis/form-metrics.ts counts it, with
 * syllables from the `syllable` package), and the sentence whose rewrite would lower it most.
 */
export const readingLevel: Rule<Options> = {
  meta: {
    id: 'reading-level',
    type: 'suggestion',
    description: 'Flags an email written above an 8th-grade reading level, and points at the sentence that raises the grade most.',
    defaultSeverity: 'warning',
    messages: {
      tooHard:
        'This email reads at grade {{grade}} (Flesch-Kincaid), above {{maxGrade}}: long sentences and long words make a stranger work to follow you, and simpler emails get more replies. This sentence raises the grade most (grade {{sentenceGrade}} alone): split it or use shorter words.',
    },
    options: {
      maxGrade: { type: 'number', default: 8, minimum: 0, description: 'Highest Flesch-Kincaid grade an email may read at.' },
      minWords: {
        type: 'number',
        default: 25,
        minimum: 0,
        description: 'Fewest words of message for a grade to mean anything: a two-line bump is not graded.',
      },
    },
    docs: 'docs/rules/reading-level.md',
    points: 3,
    maxPoints: 3,
    group: 'form',
    source:
      'Boomerang\'s study of over 40 million emails ("How to Write an Email", 2016): emails written at a 3rd-grade level got replies 53% of the time, against 39% at college level. Lavender reports that about 70% of sales emails are written at a 10th-grade level or above. The default of grade 8 is this project\'s choice between those figures. The grade is the Flesch-Kincaid formula (Kincaid et al., 1975).',
  },

  check(_draft, { options, analysis }) {
    const { metrics, hardest } = analysis.form;
    if (metrics.words < options.minWords || metrics.grade <= options.maxGrade || !hardest) return [];
    // The formula and the syllable counter are English: a Spanish draft's grade means nothing.
    if (analysis.foreignLanguage()) return [];
    return [
      {
        part: 'body',
        start: hardest.start,
        end: hardest.end,
        messageId: 'tooHard',
        data: { grade: metrics.grade, maxGrade: options.maxGrade, sentenceGrade: hardest.grade },
        details: { grade: metrics.grade, sentenceGrade: hardest.grade },
      },
    ];
  },
};
