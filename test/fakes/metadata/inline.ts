/**
 * Inline scanning imitating `CachedMetadata.links`, `embeds` and `tags`, over one section's text with code blocks
 * already blanked out. Rules (from the captures' README and notes):
 * - Skipped: inline code (a backtick run up to the next run of the same length), `<!-- … -->`, inline math
 *   (`$$…$$`, `$…$`), and any character after a backslash. `%% … %%` is NOT skipped: Obsidian indexes inside it.
 * - Wiki-links `[[…]]` (one line, no `[[` inside); `[[]]` is not a link. `link` is the text before the first `|`,
 *   unless `|` is the first character (then the whole text, `[[|alias]]` → `|alias`). `displayText` is the text
 *   after that `|`, or else the link's `#`-separated non-empty parts joined with ` > `.
 * - Markdown links `[text](target)`: only when the target is non-empty and has no URL scheme (`https:` …);
 *   `link` is the URL-decoded target, `displayText` the bracket text. `![…](…)` / `![[…]]` are embeds.
 * - Tags: `#` preceded by the start, whitespace or an opening bracket/quote/punctuation, then characters other
 *   than whitespace and ASCII/CJK punctuation (except `-`, `_`, `/`); not only digits.
 */
import type { ReferenceCache, TagCache } from 'obsidian';
import type { LineIndex } from './positions';

/** What one scan found, in document order. */
export interface Inline {
  links: ReferenceCache[];
  embeds: ReferenceCache[];
  tags: TagCache[];
}

/** The default `displayText` of a wiki-link: its `#`-separated parts, empty ones dropped, joined with ` > `. */
export function defaultDisplay(link: string): string {
  return link
    .split('#')
    .filter((p) => p !== '')
    .join(' > ');
}

/** Splits wiki-link inner text into `link` and `displayText` as Obsidian's cache does. */
export function splitWikiText(inner: string): { link: string; displayText: string } {
  const bar = inner.indexOf('|');
  if (bar > 0) return { link: inner.slice(0, bar), displayText: inner.slice(bar + 1) };
  return { link: inner, displayText: defaultDisplay(inner) };
}

const TAG_BEFORE = /[\s[\](){}"'*~=!?.,;:]/;
const TAG_STOP = /[\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~，。、；：！？（）【】《》「」“”‘’]/;

function decode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Index just after the `]` matching the `[` at `open`, or -1 (brackets nest; one line only). */
function closeBracket(text: string, open: number, end: number): number {
  let depth = 0;
  for (let k = open; k < end; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '\n') return -1;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return k + 1;
  }
  return -1;
}

/** Scans `text[start, end)` (note offsets) and appends what it finds to `out`. */
export function scanInline(text: string, start: number, end: number, index: LineIndex, out: Inline): void {
  const ref = (from: number, to: number, link: string, displayText: string): ReferenceCache => ({
    link,
    original: text.slice(from, to),
    displayText,
    position: index.span(from, to),
  });
  let p = start;
  while (p < end) {
    const c = text[p];
    if (c === '\\') {
      p += 2;
    } else if (c === '`') {
      const run = /^`+/.exec(text.slice(p, end))![0];
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = p + run.length;
      const m = close.exec(text.slice(0, end));
      p = m ? m.index + run.length : p + run.length;
    } else if (text.startsWith('<!--', p)) {
      const close = text.indexOf('-->', p + 4);
      p = close >= 0 && close < end ? close + 3 : p + 4;
    } else if (c === '$') {
      const delim = text.startsWith('$$', p) ? '$$' : '$';
      const close = text.indexOf(delim, p + delim.length);
      const ok =
        close >= 0 &&
        close < end &&
        (delim === '$$' || (!/\s/.test(text[p + 1] ?? ' ') && !/\s/.test(text[close - 1])));
      p = ok ? close + delim.length : p + delim.length;
    } else if (c === '[' || (c === '!' && text[p + 1] === '[')) {
      const embed = c === '!';
      const open = embed ? p + 1 : p;
      if (text.startsWith('[[', open)) {
        const close = text.indexOf(']]', open + 2);
        const inner = close >= 0 && close < end ? text.slice(open + 2, close) : '';
        if (inner === '' || inner.includes('\n') || inner.includes('[[')) {
          p = open + (inner === '' && close === open + 2 ? 4 : 1);
          continue;
        }
        const { link, displayText } = splitWikiText(inner);
        (embed ? out.embeds : out.links).push(ref(p, close + 2, link, displayText));
        p = close + 2;
        continue;
      }
      const textEnd = closeBracket(text, open, end);
      const md =
        textEnd > 0 && text[textEnd] === '('
          ? /^\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+"[^"\n]*")?\s*\)/.exec(text.slice(textEnd, end))
          : null;
      if (!md) {
        p = open + 1;
        continue;
      }
      const target = md[1].replace(/^<(.*)>$/, '$1');
      const after = textEnd + md[0].length;
      if (target !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(target)) {
        (embed ? out.embeds : out.links).push(ref(p, after, decode(target), text.slice(open + 1, textEnd - 1)));
      }
      p = after;
    } else if (c === '#' && (p === 0 || TAG_BEFORE.test(text[p - 1]))) {
      let q = p + 1;
      while (q < end && !TAG_STOP.test(text[q])) q++;
      const body = text.slice(p + 1, q);
      if (body !== '' && !/^\d+$/.test(body)) out.tags.push({ tag: '#' + body, position: index.span(p, q) });
      p = Math.max(q, p + 1);
    } else {
      p++;
    }
  }
}
