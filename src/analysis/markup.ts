import { Parser } from 'htmlparser2';

/** An element of an HTML body, with where its open tag sits in the HTML. */
export interface MarkupElement {
  start: number;
  end: number;
  attribs: Record<string, string>;
  /** Inside a quoted reply (`<blockquote>`, Gmail's `gmail_quote`): someone else's message. */
  quoted: boolean;
}

export interface MarkupAnchor extends MarkupElement {
  href: string;
  /** The link's visible text, whitespace collapsed. */
  text: string;
}

/** What the checks that read markup need of an HTML body. */
export interface Markup {
  anchors: MarkupAnchor[];
  images: MarkupElement[];
  /** Size of the HTML in UTF-8 bytes, as a mail client counts it. */
  bytes: number;
}

const QUOTE_CLASS = /\b(?:gmail_quote|yahoo_quoted|moz-cite-prefix|OutlookMessageHeader)\b/;

/**
 * Walks an HTML body once with htmlparser2 (the parser html-to-text uses), collecting links
 * and images with their offsets. Entities in attributes are decoded; malformed markup is
 * read the way the parser recovers from it, as mail clients do.
 */
export function scanMarkup(html: string): Markup {
  const anchors: MarkupAnchor[] = [];
  const images: MarkupElement[] = [];
  // Each open element's name and whether it opened a quote, so quotes end where they close.
  const open: Array<{ name: string; quote: boolean }> = [];
  let quoteDepth = 0;
  let anchor: MarkupAnchor | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const quote = name === 'blockquote' || QUOTE_CLASS.test(attribs.class ?? '');
        if (quote) quoteDepth++;
        const element = { start: parser.startIndex, end: parser.endIndex + 1, attribs, quoted: quoteDepth > 0 };
        if (name === 'img') images.push(element);
        else open.push({ name, quote });
        if (name === 'a' && attribs.href !== undefined) {
          anchor = { ...element, href: attribs.href.trim(), text: '' };
          anchors.push(anchor);
        }
      },
      ontext(text) {
        if (anchor) anchor.text += text;
      },
      onclosetag(name) {
        if (name === 'img') return;
        if (name === 'a') anchor = undefined;
        // Pop to the matching element: the parser closes what a stray end tag leaves open.
        for (let i = open.length - 1; i >= 0; i--) {
          if (open[i]!.name !== name) continue;
          for (const e of open.splice(i)) if (e.quote) quoteDepth--;
          break;
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  for (const a of anchors) a.text = a.text.replace(/\s+/g, ' ').trim();
  return { anchors, images, bytes: new TextEncoder().encode(html).length };
}
