import { decodeWords } from 'postal-mime';

const UTF8 = new TextEncoder();

/** Decodes the content of one body line (no line ending); state carries over between lines. */
type LineDecoder = (content: string) => string;

/**
 * The text of a raw message with each line decoded where the file encodes it: encoded words
 * (`=?UTF-8?Q?…?=`) in headers, and quoted-printable or base64 in text parts, in the part's
 * charset. Every line of the file stays one line, with its own line ending: a soft line break
 * just ends the line early, and line breaks inside decoded text become spaces. So line numbers
 * are the file's, and a line shown under a finding reads the way the email does.
 */
export function decodeEmlLines(raw: string): string {
  const out: string[] = [];
  const boundaries = new Boundaries();
  let inHeaders = true;
  let headers = '';
  let decode: LineDecoder | undefined;
  for (const line of raw.split(/(?<=\n)/)) {
    const eol = /\r?\n$/.exec(line)?.[0] ?? '';
    const content = line.slice(0, line.length - eol.length);
    if (inHeaders) {
      if (content === '') {
        inHeaders = false;
        const part = readPartHeaders(headers);
        if (part.boundary) boundaries.push(part.boundary);
        decode = part.decoder;
      } else {
        headers += `${content}\n`;
      }
      out.push(content.includes('=?') ? oneLine(decodeWords(content)) : content, eol);
      continue;
    }
    const at = content.startsWith('--') ? boundaries.find(content) : undefined;
    if (at) {
      // A delimiter of an outer multipart also ends the ones nested in it.
      boundaries.truncate(at.last ? at.depth : at.depth + 1);
      inHeaders = !at.last;
      headers = '';
      decode = undefined;
      out.push(content, eol);
      continue;
    }
    out.push(decode ? decode(content) : content, eol);
  }
  return out.join('');
}

/** The boundaries of the multiparts open at a line, outermost first, found by name in O(1). */
class Boundaries {
  private readonly stack: string[] = [];
  private readonly depth = new Map<string, number>();

  push(boundary: string): void {
    this.depth.set(boundary, this.stack.push(boundary) - 1);
  }

  /** Keeps the outermost `depth` boundaries. */
  truncate(depth: number): void {
    while (this.stack.length > depth) {
      const b = this.stack.pop()!;
      if (this.depth.get(b) === this.stack.length) this.depth.delete(b);
    }
  }

  /** Which open boundary a `--boundary` line or a closing `--boundary--` line is. */
  find(content: string): { depth: number; last: boolean } | undefined {
    const line = content.trimEnd();
    const open = this.depth.get(line.slice(2));
    if (open !== undefined) return { depth: open, last: false };
    const closed = line.endsWith('--') ? this.depth.get(line.slice(2, -2)) : undefined;
    return closed === undefined ? undefined : { depth: closed, last: true };
  }
}

/** From a part's header lines: the boundary of a multipart, or a decoder for an encoded text part. */
function readPartHeaders(headers: string): { boundary?: string; decoder?: LineDecoder } {
  const unfolded = headers.replace(/\n[ \t]+/g, ' ');
  const contentType = /^content-type:[ \t]*([^\n]*)/im.exec(unfolded)?.[1] ?? 'text/plain';
  const param = (name: string) =>
    new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i')
      .exec(contentType)
      ?.slice(1)
      .find((v) => v !== undefined);
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = param('boundary');
    return boundary ? { boundary } : {};
  }
  // Only text is decoded: the base64 of an image or a PDF is no line anyone reads.
  if (!type.startsWith('text/')) return {};
  const encoding = /^content-transfer-encoding:[ \t]*([\w-]+)/im.exec(unfolded)?.[1]?.toLowerCase();
  const text = charsetDecoder(param('charset'));
  if (encoding === 'quoted-printable') return { decoder: (content) => oneLine(text.decode(quotedPrintableBytes(content), { stream: true })) };
  if (encoding === 'base64') {
    let carry = '';
    return {
      decoder: (content) => {
        // A line whose length is not a multiple of 4 leaves characters for the next one.
        const chars = carry + content.replace(/[^A-Za-z0-9+/=]/g, '');
        const whole = chars.length - (chars.length % 4);
        carry = chars.slice(whole);
        return oneLine(text.decode(Buffer.from(chars.slice(0, whole), 'base64'), { stream: true }));
      },
    };
  }
  return {};
}

/** A streaming decoder for a MIME charset; UTF-8 for a charset the runtime does not know. */
function charsetDecoder(charset: string | undefined) {
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** The bytes of one quoted-printable line: `=XX` is a byte, a final `=` a soft line break. */
function quotedPrintableBytes(content: string): Uint8Array {
  const bytes: number[] = [];
  const trimmed = content.trimEnd();
  const end = trimmed.endsWith('=') ? trimmed.length - 1 : content.length;
  for (let i = 0; i < end; i++) {
    const c = content.codePointAt(i)!;
    if (c === 61 /* = */) {
      const hex = content.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
    }
    if (c < 128) {
      bytes.push(c);
    } else {
      // Not valid quoted-printable, but mailers do send 8-bit text in it: keep the character.
      bytes.push(...UTF8.encode(String.fromCodePoint(c)));
      if (c > 0xffff) i++;
    }
  }
  return Uint8Array.from(bytes);
}

/** Decoded text may hold line breaks (`=0D=0A`, base64 of several lines); on one line they are spaces. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ');
}
