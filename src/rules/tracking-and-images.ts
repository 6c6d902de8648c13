import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';
import type { MarkupElement } from '../analysis/markup.js';

interface Options {
  minWords: number;
  wordsPerImage: number;
  maxBytes: number;
}

/** An inline style as property -> value, lower case, `!important` dropped. */
function styleOf(element: MarkupElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of (element.attribs.style ?? '').split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const value = decl
      .slice(colon + 1)
      .replace(/!\s*important/i, '')
      .trim()
      .toLowerCase();
    out.set(decl.slice(0, colon).trim().toLowerCase(), value);
  }
  return out;
}

/** A length in CSS pixels ("1", "1px", "0.5px"); undefined for percentages, `auto` and the like. */
function pixels(value: string | undefined): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:px)?\s*$/i.exec(value ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * How an image hides, when it does: shown at 1×1 px or less (a tracking pixel), at no size
 * in one direction, or hidden by its style or the `hidden` attribute. Sizes are read from the
 * width/height attributes and the inline style, the style winning as in a browser. An image
 * of 1 × 20 px is a layout spacer, not a pixel: both given sizes must be at most 1.
 */
export function hiddenImage(element: MarkupElement): string | undefined {
  const style = styleOf(element);
  if (style.get('display') === 'none') return 'is hidden (display:none)';
  if (style.get('visibility') === 'hidden') return 'is hidden (visibility:hidden)';
  const opacity = style.get('opacity');
  if (opacity !== undefined && /^(?:0+(?:\.0*)?|\.0+)%?$/.test(opacity)) return 'is invisible (opacity:0)';
  if (element.attribs.hidden !== undefined) return 'is hidden (the hidden attribute)';
  const width = pixels(style.get('width')) ?? pixels(element.attribs.width);
  const height = pixels(style.get('height')) ?? pixels(element.attribs.height);
  if (width === 0 || height === 0) return 'is 0 pixels in size';
  const sizes = [width, height].filter((s) => s !== undefined);
  if (sizes.length > 0 && sizes.every((s) => s <= 1)) return 'is 1×1 pixel';
  return undefined;
}

const KB = 1024;

/**
 * What the HTML of an email does to its delivery: tracking pixels, images standing in for
 * text, images without alt text, and HTML large enough for Gmail to clip. Only drafts with
 * HTML (.html, an .eml's text/html part, a payload's `html`) are checked; images in the
 * quoted reply are someone else's.
 */
export const trackingAndImages: Rule<Options> = {
  meta: {
    id: 'tracking-and-images',
    type: 'problem',
    description:
      'Flags what an HTML email does to its delivery: tracking pixels, a body that is mostly images, images without alt text, and HTML big enough for Gmail to clip.',
    defaultSeverity: 'warning',
    messages: {
      pixel:
        "This image {{how}}: it is a tracking pixel, there only to report that the email was opened. Filters count open tracking against mail from strangers, and privacy features (Apple Mail's among them) load such pixels by themselves, so the opens it reports mislead. Turn open tracking off for cold email.",
      imageOnly:
        'This email is images with only {{words}} words of text: a filter cannot read what a picture says, and spam has long hidden its message in images, so an image with hardly any text is scored as spam. Write the message as text and keep images as extras.',
      imageHeavy:
        'This email has {{images}} images for {{words}} words of text (fewer than {{wordsPerImage}} words an image): filters count a low ratio of text to images against a message, and where images are blocked the reader sees mostly empty boxes. Cut images or say more in text.',
      missingAlt:
        'This image has no alt text: many mail clients block images until the reader allows them, and an image without alt text then shows as an empty box, so the email looks broken. Add alt text that says what the image shows.',
      clipped:
        'The HTML of this email is {{size}} KB, over the {{limit}} KB at which Gmail clips a message: Gmail hides the rest behind a "View entire message" link, often with the unsubscribe footer and the tracking pixel in it. Trim the markup (inline styles, comments, embedded images).',
    },
    options: {
      minWords: {
        type: 'number',
        default: 25,
        minimum: 0,
        description: 'Fewer words of message than this, with an image, make an image-only email.',
      },
      wordsPerImage: {
        type: 'number',
        default: 50,
        minimum: 0,
        description: 'Fewest words of message an image when an email shows two images or more: fewer make an image-heavy email (0 turns that check off).',
      },
      maxBytes: {
        type: 'number',
        default: 102 * KB,
        minimum: 1,
        description: "Largest HTML in bytes (UTF-8, as decoded) before Gmail clips it: 102 KB, Gmail's known clipping size.",
      },
    },
    docs: 'docs/rules/tracking-and-images.md',
    points: 3,
    maxPoints: 6,
    group: 'form',
    source:
      "Gmail's known clipping behaviour: it clips a message whose HTML is larger than about 102 KB (Gmail publishes no figure; 102 KB is what senders and email-testing services have long observed, counted on the HTML code with hosted images left out). The image checks follow Apache SpamAssassin's HTML tests, which score images with little text (`HTML_IMAGE_ONLY_04` to `_32`: images with 0–3,200 bytes of words) and a low ratio of text to image (`HTML_IMAGE_RATIO_02` to `_08`); the word thresholds are this rule's own, explained on this page.",
  },

  check(_draft, { options, analysis }) {
    const markup = analysis.markup;
    if (!markup) return [];
    const reports: Report[] = [];
    let shown = 0;
    for (const img of markup.images) {
      if (img.quoted) continue;
      const at = { part: 'html' as const, start: img.start, end: img.end };
      const src = img.attribs.src ?? '';
      const how = hiddenImage(img);
      if (how) {
        reports.push({ ...at, messageId: 'pixel', data: { how }, details: { src } });
        continue;
      }
      shown++;
      if (img.attribs.alt === undefined) reports.push({ ...at, messageId: 'missingAlt', details: { src } });
    }
    const words = analysis.form.metrics.words;
    if (shown > 0 && words < options.minWords) {
      reports.push({ messageId: 'imageOnly', data: { words }, details: { images: shown, words } });
    } else if (shown > 1 && words < shown * options.wordsPerImage) {
      // One image beside a short message is a logo or a headshot in the signature, not an image-heavy email.
      reports.push({ messageId: 'imageHeavy', data: { images: shown, words, wordsPerImage: options.wordsPerImage }, details: { images: shown, words } });
    }
    if (markup.bytes > options.maxBytes) {
      reports.push({ messageId: 'clipped', data: { size: kb(markup.bytes), limit: kb(options.maxBytes) }, details: { bytes: markup.bytes } });
    }
    return reports;
  },
};

/** Bytes as KB to one decimal, rounded up so that a size just over the limit never reads as the limit. */
function kb(bytes: number): string {
  return (Math.ceil((bytes / KB) * 10) / 10).toFixed(1).replace(/\.0$/, '');
}
