/**
 * Rewriting the target of wiki-links inside ONE block of a note, for the "update link to [[new name]]" button
 * shown after a linked note was renamed (Obsidian does not index or rewrite links in code blocks). Only the
 * target part changes; headings, block ids, aliases and the `!` of embeds stay exactly as typed. Pure.
 */
import { findWikiLinks } from './wikilinks';

/** Where a block sits in its note: Obsidian's `MarkdownSectionInformation` (0-based, inclusive lines). */
export interface BlockSection {
  /** The whole note as it was when the block was rendered. */
  text: string;
  lineStart: number;
  lineEnd: number;
}

/** `[[old#h|a]]` → `[[new#h|a]]`: replaces the written target (text before the first `#` or `|`). */
function retarget(written: string, to: string): string {
  const open = written.indexOf('[[') + 2;
  const inner = written.slice(open, -2);
  const stops = [inner.indexOf('#'), inner.indexOf('|')].filter((i) => i >= 0);
  const end = stops.length ? Math.min(...stops) : inner.length;
  return `${written.slice(0, open)}${to}${inner.slice(end)}]]`;
}

/** Every well-formed wiki-link in `text` whose target, as written, is `from` gets target `to`. */
export function retargetLinks(text: string, from: string, to: string): string {
  let out = '';
  let at = 0;
  for (const { link, start, end } of findWikiLinks(text)) {
    if (link.target !== from) continue;
    out += text.slice(at, start) + retarget(text.slice(start, end), to);
    at = end;
  }
  return out + text.slice(at);
}

/** `[from, to)` offsets of lines `first`…`last` (inclusive, 0-based) in `text`, or null when it has fewer lines. */
function lineSpan(text: string, first: number, last: number): [number, number] | null {
  let from = 0;
  for (let line = 0; line < first; line++) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) return null;
    from = nl + 1;
  }
  let to = from;
  for (let line = first; line <= last; line++) {
    const nl = text.indexOf('\n', to);
    if (nl < 0) return line === last ? [from, text.length] : null;
    to = line === last ? nl : nl + 1;
  }
  return [from, to];
}

/**
 * The note with the links of target `from` retargeted to `to` inside the block's lines only, or null when
 * nothing should be written: the block's lines differ from what was rendered (the note changed since, so
 * the line numbers can no longer be trusted), or no link in the block has that target.
 */
export function rewriteBlockLinks(note: string, section: BlockSection, from: string, to: string): string | null {
  const now = lineSpan(note, section.lineStart, section.lineEnd);
  const then = lineSpan(section.text, section.lineStart, section.lineEnd);
  if (!now || !then) return null;
  const block = note.slice(now[0], now[1]);
  if (block !== section.text.slice(then[0], then[1])) return null;
  const rewritten = retargetLinks(block, from, to);
  return rewritten === block ? null : note.slice(0, now[0]) + rewritten + note.slice(now[1]);
}
