/** Elements that never hold children, so never add a level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements whose content is text up to their end tag: a `<div>` inside a `<style>` is not an element. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

const P = new Set(['p']);
const CELLS = new Set(['td', 'th']);
const ROWS = new Set(['tr', 'td', 'th']);
const SECTIONS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
const DEFINITIONS = new Set(['dt', 'dd']);

/**
 * Tags whose opening ends the innermost open element while it is one of those named, as HTML
 * parsers do for tags left unclosed: `<li>a<li>b` is two siblings, not one list item inside
 * the other. Without this, sloppy but flat HTML (a table with no `</td>`) would count as deep.
 */
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>([
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dt', DEFINITIONS],
  ['dd', DEFINITIONS],
  ['td', CELLS],
  ['th', CELLS],
  ['tr', ROWS],
  ['thead', SECTIONS],
  ['tbody', SECTIONS],
  ['tfoot', SECTIONS],
  ...[
    'address',
    'article',
    'aside',
    'blockquote',
    'div',
    'dl',
    'fieldset',
    'footer',
    'form',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'p',
    'pre',
    'section',
    'table',
    'ul',
  ].map((tag) => [tag, P] as const),
]);

const TAG_NAME = /[a-z][^\s/<>]*/y;

/**
 * Whether elements in `html` nest deeper than `limit`, counted the way an HTML parser builds
 * its tree: end tags close up to the matching open element, void and self-closed tags add no
 * level, comments and the text of script/style are skipped. One pass with indexOf, so it is
 * linear in the length of the input, and it stops as soon as the limit is passed. Where it is
 * unsure it counts low: the check exists to refuse pathological input, never a real email.
 */
export function nestsDeeperThan(html: string, limit: number): boolean {
  const s = html.toLowerCase();
  const stack: string[] = [];
  // How many of each tag are on the stack: an end tag for a tag that is not open is ignored
  // without searching the stack.
  const open = new Map<string, number>();
  const pop = () => {
    const tag = stack.pop()!;
    open.set(tag, open.get(tag)! - 1);
    return tag;
  };
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i)) {
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const closing = s.charCodeAt(i + 1) === 47; // '/'
    TAG_NAME.lastIndex = i + (closing ? 2 : 1);
    const name = TAG_NAME.exec(s)?.[0];
    const end = s.indexOf('>', i + 1);
    if (end < 0) break;
    i = end + 1;
    if (!name) continue; // <!doctype>, <?xml?>, a lone "<" in text
    if (closing) {
      if (open.get(name)) while (pop() !== name);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = s.indexOf(`</${name}`, i);
      if (close < 0) break;
      i = close;
      continue;
    }
    const implied = IMPLIED_CLOSE.get(name);
    while (implied && stack.length > 0 && implied.has(stack[stack.length - 1]!)) pop();
    if (VOID.has(name) || s.charCodeAt(end - 1) === 47) continue;
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > limit) return true;
  }
  return false;
}
