import { createRequire } from 'node:module';

type Convert = typeof import('html-to-text').convert;
let convert: Convert | undefined;

/**
 * Visible text of an HTML email, one paragraph per block, links and images as their words.
 * The converter loads on first use: a plain-text lint never pays for it.
 */
export function htmlToText(html: string): string {
  convert ??= (createRequire(import.meta.url)('html-to-text') as { convert: Convert }).convert;
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
      { selector: 'title', format: 'skip' },
    ],
  })
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of the first <title>, the subject of a saved HTML draft. */
export function htmlTitle(html: string): { text: string; offset: number } | undefined {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  if (!m || !m[1]!.trim()) return undefined;
  return { text: decodeEntities(m[1]!.trim()), offset: m.index + m[0].indexOf(m[1]!.trim()) };
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' })[e] ?? _m);
}
