import type { Position, SourceMap, TextPart } from '../kernel/types.js';

/** Line starts of a file's text, for turning offsets into 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** The offset of a 1-based line and column: the inverse of `position`. */
  offset(position: Position): number {
    const start = this.starts[Math.min(Math.max(position.line, 1), this.starts.length) - 1]!;
    return Math.min(start + position.column - 1, this.source.length);
  }

  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    const end = next === undefined ? this.source.length : next - 1;
    return this.source.slice(start, end).replace(/\r$/, '');
  }
}

/** A run of derived text that stands verbatim in the file at fileStart. */
interface Segment {
  textStart: number;
  fileStart: number;
  length: number;
}

/**
 * Maps derived-text offsets to file positions through verbatim segments. Offsets that fall
 * between segments (decoded or generated text) map to the end of the segment before them,
 * which is the nearest place in the file a reader can look at.
 */
export class SegmentMap implements SourceMap {
  constructor(
    private readonly index: LineIndex,
    private readonly segments: Segment[],
    private readonly fallback: number,
  ) {}

  toPosition(offset: number): Position {
    const segs = this.segments;
    if (segs.length === 0) return this.index.position(this.fallback);
    let lo = 0;
    let hi = segs.length - 1;
    if (offset < segs[0]!.textStart) return this.index.position(segs[0]!.fileStart);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.textStart <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo]!;
    return this.index.position(s.fileStart + Math.min(offset - s.textStart, s.length));
  }
}

/**
 * The text of file[start, end) with CRLF and lone CR turned into LF, mapped back exactly.
 * Rules always see LF line endings; positions still point into the original bytes.
 */
export function slicePart(index: LineIndex, start: number, end: number): TextPart {
  const src = index.source;
  const segments: Segment[] = [];
  let text = '';
  let runStart = start;
  for (let i = start; i < end; i++) {
    if (src.charCodeAt(i) === 13) {
      segments.push({ textStart: text.length, fileStart: runStart, length: i - runStart });
      text += src.slice(runStart, i);
      if (src.charCodeAt(i + 1) === 10) {
        runStart = i + 1;
      } else {
        segments.push({ textStart: text.length, fileStart: i, length: 1 });
        text += '\n';
        runStart = i + 1;
      }
    }
  }
  segments.push({ textStart: text.length, fileStart: runStart, length: end - runStart });
  text += src.slice(runStart, end);
  return { text, map: new SegmentMap(index, segments, start) };
}

/**
 * Maps text that was decoded or converted (MIME, HTML, JSON strings) back to the file by
 * finding its lines, or failing that its words, in order in the raw source. Anything that
 * cannot be found points at the last place that could.
 */
export function anchorPart(index: LineIndex, text: string, searchFrom: number): TextPart {
  const src = index.source;
  const segments: Segment[] = [];
  let cursor = searchFrom;
  let offset = 0;
  // Finds a piece of the derived text in the file after the cursor; on success records it.
  const place = (piece: string, textStart: number): boolean => {
    const at = src.indexOf(piece, cursor);
    if (at < 0 || crossesTooFar(src, cursor, at)) return false;
    segments.push({ textStart, fileStart: at, length: piece.length });
    cursor = at + piece.length;
    return true;
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.length > 0 && !place(trimmed, offset + line.indexOf(trimmed))) {
      const word = /\S+/g;
      for (let m = word.exec(line); m; m = word.exec(line)) {
        if (!place(m[0], offset + m.index)) for (const piece of subTokens(m[0], m.index)) place(piece.text, offset + piece.at);
      }
    }
    offset += line.length + 1;
  }
  return { text, map: new SegmentMap(index, segments, searchFrom) };
}

/** Letters-and-digits runs and punctuation runs: markup often splits a word from its comma. */
function subTokens(word: string, at: number): Array<{ text: string; at: number }> {
  return [...word.matchAll(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu)].map((m) => ({ text: m[0], at: at + m.index! }));
}

/** A match far ahead of the cursor is more likely a coincidence than the same text. */
function crossesTooFar(src: string, from: number, at: number): boolean {
  return at - from > 4096 && src.length > 8192;
}
