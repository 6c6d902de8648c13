/** Shared types of the lint pipeline: parse -> kernel -> verdict -> output. */

export type Severity = 'error' | 'warning' | 'info';
export type RuleLevel = Severity | 'off';
export type Verdict = 'pass' | 'revise' | 'needs-signal' | 'block';
export type DraftMode = 'draft' | 'template';

/** A 1-based position in the original file, the way editors count. */
export interface Position {
  line: number;
  column: number;
}

/** Maps offsets in a derived text (subject or body) back to the original file. */
export interface SourceMap {
  toPosition(offset: number): Position;
}

/** A piece of text the rules read, with a way back to the file it came from. */
export interface TextPart {
  text: string;
  map: SourceMap;
}

export type PlaceholderClass = 'profile' | 'sender' | 'research' | 'logic' | 'spintax' | 'missing-token';

/** One merge field, helper tag or spintax group found in a subject or body. */
export interface Placeholder {
  part: 'subject' | 'body';
  start: number;
  end: number;
  raw: string;
  /** The syntax id from rules/placeholders.yml. */
  syntax: string;
  /** Canonical field name (`first_name`, `company`, `icebreaker`...); empty for spintax. */
  name: string;
  /** The field name as written. */
  rawName: string;
  kind: PlaceholderClass;
  /** The fallback text, when the syntax carries one; '' means an empty fallback. */
  fallback?: string;
  /** Set when the placeholder is broken: unbalanced delimiters, unknown helper, unclosed block. */
  malformed?: string;
}

export type RegionKind = 'greeting' | 'signoff' | 'signature' | 'quote' | 'footer';

/** A span of the body that is not the sender's message proper. */
export interface Region {
  kind: RegionKind;
  start: number;
  end: number;
}

/** One profile field of the prospect, with where it was written down. */
export interface ProspectField {
  key: string;
  value: string;
  position?: Position;
}

export interface Signal {
  type?: string;
  text: string;
  captured_at?: string;
  position?: Position;
}

export type DraftFormat = 'text' | 'markdown' | 'eml' | 'html' | 'json' | 'csv';

/** Everything the rules know about one email. */
export interface Draft {
  filePath: string;
  /** Index of the draft inside a file that holds several (a JSON array); absent otherwise. */
  index?: number;
  format: DraftFormat;
  /** The file's text as read (decoded), for showing the offending line. */
  source: string;
  subject?: TextPart;
  body: TextPart;
  /**
   * The body's HTML as written (a saved .html draft, an .eml's text/html part, a payload's
   * `html`), for the checks that read markup: links and their targets, images, size.
   */
  html?: TextPart;
  /** An .eml's headers, names lowercased (`in-reply-to`, `list-unsubscribe`); the last of a repeated name wins. */
  headers?: Record<string, string>;
  /** Profile fields, snake_case keys. */
  prospect: Record<string, ProspectField>;
  signal?: Signal;
  placeholders: Placeholder[];
  regions: Region[];
  mode: DraftMode;
  /** Other keys of the front matter or JSON object (a corpus message's archetype, a template's name). */
  attributes: Record<string, unknown>;
  /**
   * The draft came from stdin, an HTTP request or the library, not from a file on disk, so a
   * signal travels with the draft rather than being saved by path.
   */
  detached?: boolean;
  /** Where document-level findings point: the first line of the message. */
  anchor: Position;
}

/** A finding as a rule reports it: offsets into a part, or an explicit position. */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  part?: 'subject' | 'body' | 'html';
  start?: number;
  end?: number;
  position?: Position;
  endPosition?: Position;
  /** Lower than the configured severity, when the finding is milder (it can never be higher). */
  severity?: Severity;
  /** Structured data carried into the JSON output under the finding's `details`. */
  details?: Record<string, unknown>;
  /** The question for the rep, when the rule's meta says its findings ask for a research signal. */
  prompt?: SignalPrompt;
}

/** The structured question a rep is asked when a draft has no research signal. */
export interface SignalPrompt {
  question: string;
  types: Array<{ type: string; label: string; example: string }>;
  /** How to answer: the command to run, or the field to send. */
  answer: string;
}

/** A finding as users see it (the JSON contract in DESIGN.md). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule's message id, for tools that group findings. */
  messageId?: string;
  /** What the rule measured (a similarity, the phrase's id...), kept apart from the fields above. */
  details?: Record<string, unknown>;
}

export interface LintResult {
  filePath: string;
  index?: number;
  verdict: Verdict;
  score: number;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  mode: DraftMode;
  /** The research-signal question, when a rule asked for one. */
  prompt?: SignalPrompt;
  /** Points lost per rule: every point below 100 is traceable to findings. Form rules' entries carry `group: 'form'`. */
  scoreBreakdown: Array<{ ruleId: string; points: number; findings: number; group?: 'form' }>;
  /** The email's form in numbers: words, reading grade, questions, links. */
  metrics?: DraftMetrics;
}

/** What the form rules measure of one draft, reported whether or not any of them fired. */
export interface DraftMetrics {
  /** Words of the message proper: greeting, sign-off, signature, quoted reply and footer left out. */
  words: number;
  sentences: number;
  /** Flesch-Kincaid grade level of the message proper, to one decimal; 0 for an empty body. */
  grade: number;
  /** Sentences that end in a question mark. */
  questions: number;
  /** Links outside the quoted reply: web addresses in the text, or `<a href>` in HTML. */
  links: number;
}
