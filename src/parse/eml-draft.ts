import PostalMime from 'postal-mime';
import type { Draft, ProspectField } from '../kernel/types.js';
import { InputError } from '../errors.js';
import { buildDraft, type ParseEnv } from './build-draft.js';
import { decodeEmlLines } from './eml-lines.js';
import { htmlToText } from './html-text.js';
import { anchorPart, LineIndex } from './source-map.js';

/**
 * An .eml message: MIME structure, transfer encodings, charsets and encoded-word subjects are
 * decoded by postal-mime; the text/plain part wins over text/html. The draft's source is the
 * message with each line decoded (decodeEmlLines), and positions point at the line of it
 * where the decoded text is found: the file's line, and the column in that line as decoded.
 */
export async function parseEmlDraft(
  filePath: string,
  bytes: Uint8Array,
  env: ParseEnv,
  extra: { prospect?: Record<string, ProspectField> } = {},
): Promise<Draft> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes);
  } catch (e) {
    throw new InputError(filePath, `cannot be read as an email message (${(e as Error).message})`, 'export it again as a .eml file, or save the text as .txt');
  }
  const source = decodeEmlLines(new TextDecoder('utf-8').decode(bytes));
  const index = new LineIndex(source);
  const headerEnd = source.search(/\r?\n\r?\n/);
  const bodyFrom = headerEnd < 0 ? source.length : headerEnd;
  const subjectHeader = /^subject:[ \t]*/im.exec(source.slice(0, bodyFrom));
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html, filePath) : '';
  if (!text.trim() && !email.subject) {
    throw new InputError(filePath, 'has no text/plain or text/html part', 'check that it is a whole message, headers and body');
  }
  const subjectFrom = subjectHeader ? subjectHeader.index + subjectHeader[0].length : 0;
  return buildDraft(
    {
      filePath,
      format: 'eml',
      source,
      ...(email.subject !== undefined ? { subject: anchorPart(index, email.subject, subjectFrom) } : {}),
      body: anchorPart(index, text.replace(/\r\n?/g, '\n'), bodyFrom),
      ...(email.html ? { html: anchorPart(index, email.html, bodyFrom) } : {}),
      headers: Object.fromEntries(email.headers.map((h) => [h.key.toLowerCase(), h.value])),
      ...(extra.prospect ? { prospect: { ...recipient(email.to?.[0]), ...extra.prospect } } : {}),
      fallbackAnchor: index.position(bodyFrom),
    },
    env,
  );
}

/**
 * The To: of a message drafted for one prospect (Gmail's drafts): the name as first and last
 * name, and the address. Only used where the caller says the message is such a draft.
 */
function recipient(to: { name?: string; address?: string } | undefined): Record<string, ProspectField> {
  const out: Record<string, ProspectField> = {};
  const [first, ...rest] = (to?.name ?? '').trim().split(/\s+/).filter(Boolean);
  if (first) out.first_name = { key: 'first_name', value: first };
  if (rest.length) out.last_name = { key: 'last_name', value: rest.join(' ') };
  if (to?.address) out.email = { key: 'email', value: to.address };
  return out;
}
