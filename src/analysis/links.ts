import { LinkifyIt } from 'linkify-it';
import type { Draft } from '../kernel/types.js';
import type { Markup } from './markup.js';

/** A link a reader can click, with where it is written. */
export interface Link {
  part: 'body' | 'html';
  start: number;
  end: number;
  /** The target as written; a bare domain ("acme.io") is read as `http://acme.io`. */
  url: string;
  /** Written without a scheme, a mail client links it by itself. */
  bare: boolean;
  /** The text shown for it, in HTML. */
  text?: string;
}

let linkify: LinkifyIt | undefined;

const MAYBE_LINK = /\.[\p{L}\p{N}]|:\/\//u;

/**
 * The draft's links outside the quoted reply: `<a href>` targets in HTML (mail and phone
 * links left out), else the web addresses linkify-it finds in the text, with or without a
 * scheme, as Gmail and Outlook would link them.
 */
export function linksOf(draft: Draft, markup: Markup | undefined): Link[] {
  if (markup) {
    return markup.anchors
      .filter((a) => !a.quoted && /^(?:https?:)?\/\/|^www\./i.test(a.href))
      .map((a) => ({ part: 'html' as const, start: a.start, end: a.end, url: a.href, bare: !/^https?:/i.test(a.href), text: a.text }));
  }
  const text = draft.body.text;
  // Every link linkify-it finds has a dot before a letter or digit ("acme.io", "10.0.0.1") or a
  // scheme's "://"; a body with neither has none, and is spared its large expression.
  if (!MAYBE_LINK.test(text)) return [];
  const quotes = draft.regions.filter((r) => r.kind === 'quote');
  return (linkifier().match(text) ?? [])
    .filter((m) => m.schema !== 'mailto:' && !quotes.some((q) => m.index >= q.start && m.index < q.end))
    .map((m) => ({ part: 'body' as const, start: m.index, end: m.lastIndex, url: m.schema ? m.raw : m.url, bare: m.schema === '' }));
}

/** The linkify-it instance links are found with, for a rule that asks whether a text is an address. */
export function linkifier(): LinkifyIt {
  // Newer TLDs that outreach mail links often and linkify-it's default list lacks.
  linkify ??= new LinkifyIt({ fuzzyLink: true, fuzzyIP: true }).tlds(
    ['dev', 'app', 'tech', 'cloud', 'online', 'site', 'xyz', 'agency', 'studio', 'digital', 'solutions'],
    true,
  );
  return linkify;
}
