/**
 * The data the HTML report embeds and its page reads. Compact on purpose: a review of
 * thousands of templates repeats rule ids and messages, so findings name them by index.
 * Types only, so that the page (browser code) and the builder (Node) share them.
 */
export interface ReportData {
  /** The templates shown in full, worst first. */
  items: ReportItem[];
  /** How many templates the review holds; more than `items` when the report shows only the worst. */
  total: number;
  /** Rule ids, named by index in findings and score breakdowns. */
  rules: string[];
  /** Finding messages, each once. */
  messages: string[];
  /** The nearest corpus messages, each once: id, archetype, the text shown (empty when too far to show). */
  corpus: Array<[id: string, archetype: string, text: string]>;
}

/** A finding: its span (1-based, in `ReportItem.t` when `m` is 1), severity initial, rule and message indexes. */
export type ReportFinding = [line: number, column: number, endLine: number, endColumn: number, severity: 'e' | 'w' | 'i', rule: number, message: number];

/** A sentence the template shares with its nearest corpus message: offsets in the template's text, then in the message's. */
export type ReportShared = [start: number, end: number, messageStart: number, messageEnd: number];

export interface ReportItem {
  /** Name, as in every other output. */
  n: string;
  v: 'block' | 'needs-signal' | 'revise' | 'pass';
  s: number;
  /** Near-copy cluster, 0 when none. */
  c: number;
  /** The text shown: the whole file when it holds one draft (so findings' positions point into it), else subject and body. */
  t: string;
  /** 1 when `t` is the whole file. */
  m: 0 | 1;
  /** The signal question, empty when none. */
  q: string;
  /** The nearest corpus message (index into `corpus`) and its similarity, rounded. */
  near: [corpus: number, similarity: number] | null;
  sh: ReportShared[];
  f: ReportFinding[];
  /** Score breakdown: rule index and points taken. */
  b: Array<[rule: number, points: number]>;
  /** Words of the message proper, and its Flesch-Kincaid grade. */
  w: number;
  g: number;
  /** Questions and links. */
  x: [questions: number, links: number];
  /** The rep who sent it and its sequence step, empty when the input does not say. */
  o: string;
  p: string;
  /** Emails sent and replies, when the review has its outcomes. */
  r: [sent: number, replied: number] | null;
}
