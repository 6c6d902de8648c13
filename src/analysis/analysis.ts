import { collapseHitOptions, collapseOf, type Collapse, type CollapseOptions } from '../corpus/collapse.js';
import { stockSentenceHits, type SentenceHitOptions, type UnitHit } from '../corpus/sentence-hits.js';
import { skeletonOf, type Skeleton } from '../corpus/skeleton.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { Draft } from '../kernel/types.js';
import { analyzeDraft, type DraftAnalysis, type SignalData } from './analyze.js';
import { earlierTouch, type EarlierTouch, type FollowUpData } from './earlier-touch.js';
import { formOf, type FormAnalysis } from './form-metrics.js';
import { foreignLanguage, LANGUAGE_DEFAULTS, messageText } from './language.js';
import { linksOf } from './links.js';
import { scanMarkup, type Markup } from './markup.js';

/**
 * What several rules read of one draft, worked out on first use and kept for this lint only,
 * as ESLint's SourceCode is: the skeleton, the signal analysis, the sentences the corpus
 * holds. The kernel makes one per draft and hands it to every rule, so no rule computes what
 * another already has, and nothing outlives the lint.
 */
export class Analysis {
  private skeletonValue: Skeleton | undefined;
  private readonly signalsByData = new Map<SignalData, DraftAnalysis>();
  private readonly hitsByOptions = new Map<string, UnitHit[]>();
  private markupValue: Markup | null | undefined;
  private formValue: FormAnalysis | undefined;
  private readonly touchByData = new Map<FollowUpData, EarlierTouch | null>();
  private readonly languageByOptions = new Map<string, string | null>();

  constructor(
    readonly draft: Draft,
    readonly services: { corpus?: CorpusIndex } = {},
  ) {}

  /** The message with its merge data masked and its greeting, signature and quotes left out. */
  get skeleton(): Skeleton {
    this.skeletonValue ??= skeletonOf(this.draft);
    return this.skeletonValue;
  }

  /** The links, images and size of the draft's HTML; undefined for a plain-text draft. */
  get markup(): Markup | undefined {
    if (this.markupValue === undefined) this.markupValue = this.draft.html ? scanMarkup(this.draft.html.text) : null;
    return this.markupValue ?? undefined;
  }

  /** Words, sentences, reading grade, questions and links of the message proper. */
  get form(): FormAnalysis {
    this.formValue ??= formOf(this.draft.body.text, this.skeleton, linksOf(this.draft, this.markup));
    return this.formValue;
  }

  /** What shows this draft follows an earlier email (length and subject-line both ask), worked out once. */
  earlierTouch(data: FollowUpData): EarlierTouch | undefined {
    let touch = this.touchByData.get(data);
    if (touch === undefined) this.touchByData.set(data, (touch = earlierTouch(this.draft, this.skeleton, data) ?? null));
    return touch ?? undefined;
  }

  /** The draft's language when it is plainly not English (language and reading-level both ask), worked out once per setting. */
  foreignLanguage(options: { minLetters: number; maxEnglishShare: number } = LANGUAGE_DEFAULTS): string | undefined {
    const key = `${options.minLetters}:${options.maxEnglishShare}`;
    let code = this.languageByOptions.get(key);
    if (code === undefined) this.languageByOptions.set(key, (code = foreignLanguage(messageText(this.draft, this.skeleton), options) ?? null));
    return code ?? undefined;
  }

  /** Each sentence's cues, anchors and subject, and the research signals they make. */
  signals(data: SignalData): DraftAnalysis {
    let found = this.signalsByData.get(data);
    if (!found) this.signalsByData.set(data, (found = analyzeDraft(this.draft, this.skeleton, data, this.services.corpus)));
    return found;
  }

  /**
   * The signals a template states in its fixed text: "Saw OpenAI just leased the Bellevue
   * space" is research even with "Hi [Name]," above it. A signal sentence that holds a profile
   * merge field ("Congrats on {{company}}'s Series B") says the same of every prospect, so it is not.
   */
  fixedTextSignals(data: SignalData): DraftAnalysis['signals'] {
    const profile = this.draft.placeholders.filter((p) => p.part === 'body' && p.kind === 'profile');
    return this.signals(data).signals.filter((s) => !profile.some((p) => p.start >= s.start && p.end <= s.end));
  }

  /** The sentences that stand in, or say what is said in, generic corpus messages; none without a corpus. */
  sentenceHits(options: SentenceHitOptions): UnitHit[] {
    const index = this.services.corpus;
    if (!index) return [];
    const key = `${options.minWords}:${options.similarity}:${options.meaning}:${options.maxSpecific}:${options.meaningWords}`;
    let hits = this.hitsByOptions.get(key);
    if (!hits) this.hitsByOptions.set(key, (hits = stockSentenceHits(this.skeleton, index, options)));
    return hits;
  }

  /** How much of the body says what generic sentences say; undefined without a corpus. */
  collapse(options: CollapseOptions): Collapse | undefined {
    const index = this.services.corpus;
    return index ? collapseOf(this.skeleton, this.sentenceHits(collapseHitOptions(options)), index) : undefined;
  }
}
