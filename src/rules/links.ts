import type { Rule } from '../kernel/rule.js';
import type { Report } from '../kernel/types.js';
import { linkifier, type Link } from '../analysis/links.js';

interface Shortener {
  id: string;
  name?: string;
  hosts: string[];
}

interface Data {
  shorteners: Shortener[];
  two_label_suffixes: string[];
  /** Built by prepare: each shortener by its hosts, and the suffixes as a set. */
  byHost: Map<string, Shortener>;
  suffixes: Set<string>;
}

/**
 * A link's host name, lower case and without a trailing dot; undefined when the address
 * cannot be read. WHATWG URL parsing (what browsers do) turns a decimal or hex IPv4 host such
 * as http://3232235777 into its dotted form and an IDN into its xn-- form, so both sides of a
 * comparison are spelt alike.
 */
export function hostOf(url: string): string | undefined {
  const full = /^[a-z][a-z\d+.-]*:/i.test(url) ? url : url.startsWith('//') ? `http:${url}` : `http://${url}`;
  try {
    const host = new URL(full).hostname.toLowerCase().replace(/\.$/, '');
    return host || undefined;
  } catch {
    return undefined;
  }
}

function isIpHost(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * The part of a host name its owner registered: the last two labels, or three under a
 * two-label suffix from the data (shop.acme.co.uk is acme.co.uk). No public-suffix list is
 * shipped; the data names the second levels mail actually links under.
 */
export function registrableDomain(host: string, suffixes: ReadonlySet<string>): string {
  const labels = host.split('.');
  if (labels.length <= 2 || isIpHost(host)) return host;
  const lastTwo = labels.slice(-2).join('.');
  return suffixes.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

/** The shortener a host belongs to: the host itself or a domain above it is in the list. */
function shortenerOf(host: string, byHost: ReadonlyMap<string, Shortener>): Shortener | undefined {
  for (let rest = host; ; ) {
    const hit = byHost.get(rest);
    if (hit) return hit;
    const dot = rest.indexOf('.');
    if (dot < 0) return undefined;
    rest = rest.slice(dot + 1);
  }
}

// What may follow an address in link text and still leave the text an address: "acme.com →".
const TRAILING = /^[\s.,;:!?)\]>›»→]*$/;

/**
 * The host a link's text names, when the whole text is a web address or a bare domain
 * ("acme.com", "www.acme.com/pricing"); undefined for words ("the demo", "Book a call").
 */
function hostNamedBy(text: string): string | undefined {
  const t = text.trim();
  if (!t || t.length > 2048) return undefined;
  const found = linkifier().match(t);
  const m = found?.length === 1 ? found[0]! : undefined;
  if (m?.index !== 0 || m.schema === 'mailto:' || !TRAILING.test(t.slice(m.lastIndex))) return undefined;
  return hostOf(m.url);
}

interface Options {
  max: number;
}

/**
 * The links of an email that cost it delivery: more than a cold email needs, and links that
 * filters distrust on sight (shorteners, IP addresses, unencrypted links, link text naming
 * another site than the target). The links are the draft's own: outside the quoted reply,
 * mail and phone links left out (src/analysis/links.ts).
 */
export const links: Rule<Options, Data> = {
  meta: {
    id: 'links',
    type: 'problem',
    description:
      'Flags links that hurt delivery: more links than a cold email needs, link shorteners, IP-address links, http:// links, and link text that names another domain than the link goes to.',
    defaultSeverity: 'warning',
    messages: {
      tooMany:
        'This email has {{count}} links, more than {{max}}: filters weigh every link in a message from a stranger, and an email full of links reads like a newsletter. Keep the one link that matters.',
      shortener:
        '{{host}} is a link shortener: it hides where the link goes, so spam filters distrust it and some block mail that uses it. Link to the full address instead.',
      ipAddress:
        'This link goes to an IP address ({{host}}) instead of a domain name: legitimate senders almost never do that, so filters score it as a sign of phishing. Link to your domain.',
      insecure:
        'This link starts with http:// instead of https://: browsers mark such pages "not secure" and filters trust unencrypted links less. Use the https:// address.',
      mismatchedText:
        'The link text shows {{shown}} but the link goes to {{target}}: text that names one site over a link to another is what phishing looks like, and filters and mail clients flag it. Make the text match the target or use plain words (if click tracking rewrote the link, give the tool a tracking domain of your own).',
    },
    options: {
      max: {
        type: 'number',
        default: 2,
        minimum: 0,
        description: 'Most links an email may carry before it is flagged (web links outside the quoted reply, the signature included).',
      },
    },
    docs: 'docs/rules/links.md',
    points: 3,
    maxPoints: 6,
    group: 'form',
    extensible: { list: 'shorteners', phraseFields: ['hosts'] },
    source:
      "The limit of 2 links is common cold-email deliverability advice rather than a filter's published threshold. The shortener, IP-address and link-text checks follow what filters test in URLs: Apache SpamAssassin scores numeric-IP hosts (`NUMERIC_HTTP_ADDR`, `NORMAL_HTTP_TO_IP`) and can flag shortened links (its DecodeShortURLs plugin), and link text naming another domain than its target is the phishing pattern mail clients warn about.",
  },

  prepare(data) {
    const byHost = new Map<string, Shortener>();
    for (const s of data.shorteners) for (const h of s.hosts) byHost.set(h.toLowerCase(), s);
    return { ...data, byHost, suffixes: new Set(data.two_label_suffixes.map((s) => s.toLowerCase())) };
  },

  check(_draft, { options, data, analysis }) {
    const found = analysis.form.links;
    const reports: Report[] = [];
    const at = (l: Link) => ({ part: l.part, start: l.start, end: l.end });
    const over = found[options.max];
    if (over) reports.push({ ...at(over), messageId: 'tooMany', data: { count: found.length, max: options.max }, details: { links: found.length } });
    for (const link of found) {
      const host = hostOf(link.url);
      if (!host) continue;
      const details = { url: link.url, host };
      const shortener = shortenerOf(host, data.byHost);
      if (shortener) reports.push({ ...at(link), messageId: 'shortener', data: { host }, details: { ...details, shortener: shortener.id } });
      if (isIpHost(host)) reports.push({ ...at(link), messageId: 'ipAddress', data: { host }, details });
      if (!link.bare && /^http:/i.test(link.url)) reports.push({ ...at(link), messageId: 'insecure', details });
      const shown = link.text ? hostNamedBy(link.text) : undefined;
      if (shown && registrableDomain(shown, data.suffixes) !== registrableDomain(host, data.suffixes)) {
        reports.push({ ...at(link), messageId: 'mismatchedText', data: { shown, target: host }, details: { ...details, shown } });
      }
    }
    return reports;
  },
};
