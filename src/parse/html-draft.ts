import type { Draft } from '../kernel/types.js';
import { buildDraft, type ParseEnv } from './build-draft.js';
import { findOpenTag, htmlTitle, htmlToText } from './html-text.js';
import { anchorPart, LineIndex, slicePart } from './source-map.js';

/** A saved .html draft: the <title> is the subject, the visible text is the body. */
export function parseHtmlDraft(filePath: string, source: string, env: ParseEnv): Draft {
  const index = new LineIndex(source);
  const title = htmlTitle(source);
  const bodyFrom = findOpenTag(source, 'body')?.end ?? 0;
  return buildDraft(
    {
      filePath,
      format: 'html',
      source,
      ...(title ? { subject: anchorPart(index, title.text, title.offset) } : {}),
      body: anchorPart(index, htmlToText(source, filePath), bodyFrom),
      html: slicePart(index, 0, source.length),
      fallbackAnchor: index.position(bodyFrom),
    },
    env,
  );
}
