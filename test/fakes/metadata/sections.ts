/**
 * Block scanner imitating `CachedMetadata.sections` (root-level blocks) and `headings`. Types produced: yaml,
 * heading (ATX and setext), paragraph, list, code (fenced and indented), callout, blockquote, comment (`%%`),
 * html, math (`$$`), table, thematicBreak. Quotes are scanned again inside (without their `>` markers) to find
 * their list items and fenced code; their inner blocks are not sections. Headings inside quotes or list items are
 * not reported (the captures have none). A section starts at column 0 of its first line and ends after the last
 * non-whitespace character of its last line; blank lines between blocks belong to none.
 */
import {
  type Row,
  atxHeading,
  fenceCloses,
  fenceOpen,
  htmlEnds,
  htmlStart,
  indentOf,
  interruptsParagraph,
  isBlank,
  isCommentStart,
  isMathStart,
  isQuote,
  isThematicBreak,
  listMarker,
  setextLevel,
  stripQuote,
} from './block-rules';
import { type RawItem, type Span, readList } from './lists';

/** A block before it becomes a `SectionCache`. */
export interface RawSection {
  type: string;
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
  heading?: { level: number; heading: string; textStart: number };
  id?: string;
}

/** Everything one scan finds: root sections, every list item at any depth, and text no inline syntax reaches. */
export interface Scan {
  sections: RawSection[];
  items: RawItem[];
  opaque: Span[];
}

const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

const endOf = (row: Row): number => row.pre + row.text.replace(/\s+$/, '').length;

/** Scans the note's lines (after the frontmatter, which the caller has already taken) into sections. */
export function scanRows(rows: Row[], scan: Scan, root: boolean): void {
  const push = (type: string, from: number, to: number, extra: Partial<RawSection> = {}): void => {
    if (!root) return;
    const a = rows[from];
    const b = rows[to];
    scan.sections.push({ type, startLine: a.line, startCol: a.pre, endLine: b.line, endCol: endOf(b), ...extra });
  };
  const opaque = (from: number, to: number): void => {
    const a = rows[from];
    const b = rows[to];
    scan.opaque.push({ startLine: a.line, startCol: a.pre, endLine: b.line, endCol: b.pre + b.text.length });
  };
  /** Last row index of a block that ends on the first row (after `from`, or at `from` itself when `self`) matching `ends`. */
  const until = (from: number, ends: (text: string) => boolean, self = false): number => {
    for (let j = self ? from : from + 1; j < rows.length; j++) if (ends(rows[j].text)) return j;
    return rows.length - 1;
  };

  let i = 0;
  while (i < rows.length) {
    const text = rows[i].text;
    if (isBlank(text)) {
      i++;
      continue;
    }
    const ind = indentOf(text);
    let last = i;
    const heading = atxHeading(text);
    const fence = fenceOpen(text);
    const html = htmlStart(text);
    if (ind.cols >= 4) {
      // Indented code: indented lines and blank lines between them.
      for (let j = i + 1; j < rows.length && (isBlank(rows[j].text) || indentOf(rows[j].text).cols >= 4); j++) {
        if (!isBlank(rows[j].text)) last = j;
      }
      push('code', i, last);
      opaque(i, last);
    } else if (heading) {
      const textStart = rows[i].pre + text.indexOf('#') + heading.level;
      push('heading', i, i, { heading: { ...heading, textStart } });
    } else if (fence) {
      last = until(i, (t) => fenceCloses(t, fence));
      push('code', i, last);
      opaque(i, last);
    } else if (isMathStart(text)) {
      // `$$` … `$$`: the block ends on the line holding the second `$$` (the opening line may hold both).
      const rest = text.slice(text.indexOf('$$') + 2);
      last = rest.includes('$$') ? i : until(i, (t) => t.includes('$$'));
      push('math', i, last);
      opaque(i, last);
    } else if (isCommentStart(text)) {
      // `%%` … `%%`: a comment section; links and tags inside it are still indexed (captures show this).
      const rest = text.slice(text.indexOf('%%') + 2);
      last = rest.includes('%%') ? i : until(i, (t) => t.includes('%%'));
      push('comment', i, last);
    } else if (html) {
      // Comments and raw tags end on the line holding their terminator; other HTML blocks before a blank line.
      if (html === 'comment' || html === 'raw') last = until(i, (t) => htmlEnds(html, t), true);
      else while (last + 1 < rows.length && !isBlank(rows[last + 1].text)) last++;
      push('html', i, last);
      opaque(i, last);
    } else if (isThematicBreak(text)) {
      push('thematicBreak', i, i);
    } else if (isQuote(text)) {
      last = readQuote(rows, i, scan);
      push(/^ {0,3}> ?\[!/.test(text) ? 'callout' : 'blockquote', i, last);
    } else if (listMarker(text.slice(ind.chars))) {
      const run = readList(rows, i);
      last = run.last;
      scan.items.push(...run.items);
      scan.opaque.push(...run.fences);
      push('list', i, last);
    } else if (text.includes('|') && i + 1 < rows.length && TABLE_DELIMITER.test(rows[i + 1].text)) {
      last = i + 1;
      while (last + 1 < rows.length && !isBlank(rows[last + 1].text) && !interruptsParagraph(rows[last + 1].text))
        last++;
      push('table', i, last);
    } else {
      let setext = 0;
      while (last + 1 < rows.length) {
        const next = rows[last + 1].text;
        if (isBlank(next)) break;
        const level = setextLevel(next);
        if (level) {
          setext = level;
          last++;
          break;
        }
        if (interruptsParagraph(next)) break;
        last++;
      }
      if (setext) {
        const words = rows
          .slice(i, last)
          .map((r) => r.text.trim())
          .join('\n');
        push('heading', i, last, { heading: { level: setext, heading: words, textStart: rows[i].pre + ind.chars } });
      } else {
        const id = BLOCK_ID.exec(rows[last].text);
        push('paragraph', i, last, id ? { id: id[1] } : {});
      }
    }
    i = last + 1;
  }
}

/** Reads a block quote starting at `rows[first]`; scans its content for list items and code. Returns its last row. */
function readQuote(rows: Row[], first: number, scan: Scan): number {
  const inner: Row[] = [];
  let last = first;
  let fence: { ch: string; len: number } | null = null;
  for (let j = first; j < rows.length; j++) {
    const row = rows[j];
    if (isQuote(row.text)) {
      const stripped = stripQuote(row);
      inner.push(stripped);
      const bare = stripped.text.replace(/^(?: {0,3}> ?)+/, '');
      if (fence) {
        if (fenceCloses(bare, fence)) fence = null;
      } else {
        fence = fenceOpen(bare);
      }
    } else {
      // Lazy continuation: a plain line right after quoted paragraph text continues the quote.
      const prev = inner[inner.length - 1].text.replace(/^(?: {0,3}> ?)+/, '');
      if (isBlank(row.text) || fence || isBlank(prev) || interruptsParagraph(row.text) || atxHeading(prev)) break;
      inner.push(row);
    }
    last = j;
  }
  scanRows(inner, scan, false);
  return last;
}
