/**
 * Line classifiers for the block scanner: which line opens which Markdown block, following CommonMark (the parser
 * behind Obsidian's metadata cache) plus Obsidian's `%%` comments, `$$` math and `> [!type]` callouts.
 * Each rule here was checked against the captures in test/fixtures/obsidian-cache where they cover it.
 */

/** One line of a container's content: `pre` chars of `line` belong to enclosing containers (`> ` markers). */
export interface Row {
  line: number;
  pre: number;
  text: string;
}

/** A line with nothing but whitespace ends paragraphs and separates blocks. */
export function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

/** Leading whitespace in columns (a tab advances to the next multiple of 4) and in characters. */
export function indentOf(text: string): { cols: number; chars: number } {
  let cols = 0;
  let chars = 0;
  for (; chars < text.length; chars++) {
    if (text[chars] === ' ') cols++;
    else if (text[chars] === '\t') cols += 4 - (cols % 4);
    else break;
  }
  return { cols, chars };
}

/** Character index reached after consuming `cols` columns of leading whitespace (a tab may overshoot). */
export function charsForCols(text: string, cols: number): number {
  let c = 0;
  let i = 0;
  while (i < text.length && c < cols && (text[i] === ' ' || text[i] === '\t')) {
    c += text[i] === '\t' ? 4 - (c % 4) : 1;
    i++;
  }
  return i;
}

/** ATX heading: 1–6 `#`, then a space or end of line; text trimmed, optional closing `#` run removed. */
export function atxHeading(text: string): { level: number; heading: string } | null {
  const m = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/.exec(text);
  if (!m) return null;
  const heading = m[2].replace(/(?:^|[ \t]+)#+[ \t]*$/, '').trim();
  return { level: m[1].length, heading };
}

/** Setext underline (`===` → level 1, `---` → level 2) under a paragraph. */
export function setextLevel(text: string): number | null {
  const m = /^ {0,3}(=+|-+)[ \t]*$/.exec(text);
  return m ? (m[1][0] === '=' ? 1 : 2) : null;
}

/** Fenced code opening: 3+ backticks (info without backticks) or tildes, at most 3 spaces in. */
export function fenceOpen(text: string): { ch: string; len: number } | null {
  const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(text);
  if (!m || (m[1][0] === '`' && m[2].includes('`'))) return null;
  return { ch: m[1][0], len: m[1].length };
}

/** Closing fence: same character, at least as long, nothing after it. */
export function fenceCloses(text: string, open: { ch: string; len: number }): boolean {
  const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(text);
  return !!m && m[1][0] === open.ch && m[1].length >= open.len;
}

/** Thematic break: 3+ of the same `-`, `*` or `_`, spaces allowed between. */
export function isThematicBreak(text: string): boolean {
  return /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(text);
}

/** Block quote line (`>` after at most 3 spaces). */
export function isQuote(text: string): boolean {
  return /^ {0,3}>/.test(text);
}

/** Strips one level of quote marker (`>` and one optional space) from a row. */
export function stripQuote(row: Row): Row {
  const m = /^ {0,3}> ?/.exec(row.text);
  if (!m) return row;
  return { line: row.line, pre: row.pre + m[0].length, text: row.text.slice(m[0].length) };
}

/** Obsidian comment block: a line starting with `%%`. */
export function isCommentStart(text: string): boolean {
  return /^ {0,3}%%/.test(text);
}

/** Obsidian display math block: a line starting with `$$`. */
export function isMathStart(text: string): boolean {
  return /^ {0,3}\$\$/.test(text);
}

const HTML6 =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
  'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|' +
  'menuitem|nav|noframes|ol|optgroup|option|p|param|section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|' +
  'track|ul';

/**
 * HTML block kinds (CommonMark 4.6): `comment` (`<!--` … `-->`, type 2), `raw` (`<script|pre|style|textarea>`,
 * type 1), `block` (known block tag, type 6, ends at a blank line), `tag` (any lone complete tag, type 7, cannot
 * interrupt a paragraph). Types 3–5 (`<?`, `<!X`, CDATA) are not imitated.
 */
export function htmlStart(text: string): 'comment' | 'raw' | 'block' | 'tag' | null {
  if (/^ {0,3}<!--/.test(text)) return 'comment';
  if (/^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i.test(text)) return 'raw';
  if (new RegExp(`^ {0,3}</?(?:${HTML6})(?:[\\s>]|/>|$)`, 'i').test(text)) return 'block';
  if (/^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/.test(text))
    return 'tag';
  return null;
}

/** Closing condition of an HTML block that ends on a line containing a terminator. */
export function htmlEnds(kind: 'comment' | 'raw', text: string): boolean {
  return kind === 'comment' ? text.includes('-->') : /<\/(script|pre|style|textarea)>/i.test(text);
}

/** List item marker after the indentation: bullet `-*+` or ordered `1.`/`1)`, then spaces or end of line. */
export interface Marker {
  kind: string; // '-', '*', '+', '.' or ')'
  start: number; // the ordered number, 1 for bullets
  markerChars: number; // marker length in characters
  contentOffset: number; // chars from the marker to the item's content
  content: string;
}

/** Parses a list marker at the start of `text` (indentation already removed). */
export function listMarker(text: string): Marker | null {
  const m = /^(?:([-*+])|(\d{1,9})([.)]))(?:([ \t]+)(.*))?$/.exec(text);
  if (!m) return null;
  const markerChars = (m[1] ?? m[2] + m[3]).length;
  const spaces = m[4] ?? '';
  const content = m[5] ?? '';
  // CommonMark: 1–4 spaces after the marker belong to it; 5+ means content is indented code after one space.
  const gap = content === '' ? Math.min(spaces.length, 1) : spaces.length > 4 ? 1 : spaces.length;
  return {
    kind: m[1] ?? m[3],
    start: m[2] ? Number(m[2]) : 1,
    markerChars,
    contentOffset: markerChars + (gap || 1),
    content: spaces.length > 4 && content !== '' ? spaces.slice(1) + content : content,
  };
}

/** Does this line start a block that ends an open paragraph (CommonMark "interrupt" rules, plus `%%`)? */
export function interruptsParagraph(text: string): boolean {
  if (atxHeading(text) || fenceOpen(text) || isQuote(text) || isThematicBreak(text) || isCommentStart(text))
    return true;
  const html = htmlStart(text);
  if (html && html !== 'tag') return true;
  const ind = indentOf(text);
  if (ind.cols > 3) return false;
  const m = listMarker(text.slice(ind.chars));
  // A list interrupts a paragraph only with content, and an ordered one only when it starts at 1.
  return !!m && m.content.trim() !== '' && (m.kind === '-' || m.kind === '*' || m.kind === '+' || m.start === 1);
}
