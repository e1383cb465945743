/**
 * Character-level helpers for block values, shared by the block parser and the option parsers:
 * quote- and bracket-aware scanning, comment stripping, list splitting, wiki-link sequences. Pure.
 */

const OPEN = '[({';
const CLOSE = '])}';
/** Separators between list items; Chinese IMEs type the full-width comma, and accepting it costs nothing. */
const COMMAS = ',，';

/** A quote only opens at the start of a token, so the apostrophe in `it's` stays text. */
function opensQuote(text: string, i: number): boolean {
  return i === 0 || /[\s[({,，=:：]/.test(text[i - 1]);
}

/** Index of the quote closing the one at `start` (`\"` escapes in "…", `''` in '…'), or -1. */
function closingQuote(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * Calls `visit` for every character outside quotes with the bracket depth after it; stops when
 * `visit` returns true. Unterminated quotes are plain text; once a quote kind is known to be
 * unterminated it is never searched again, which keeps the scan linear on hostile input.
 */
function walk(text: string, visit: (ch: string, i: number, depth: number) => boolean | void): void {
  let depth = 0;
  const unterminated = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === '"' || ch === "'") && !unterminated.has(ch) && opensQuote(text, i)) {
      const end = closingQuote(text, i);
      if (end < 0) unterminated.add(ch);
      else {
        i = end;
        continue;
      }
    }
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (visit(ch, i, depth)) return;
  }
}

/** Drops a trailing ` # comment`: a `#` after whitespace, outside quotes and brackets (so `[[a#b]]` stays). */
export function stripComment(text: string): string {
  let cut = text.length;
  walk(text, (ch, i, depth) => {
    const hit = ch === '#' && depth === 0 && (i === 0 || /\s/.test(text[i - 1]));
    if (hit) cut = i;
    return hit;
  });
  return text.slice(0, cut).trim();
}

/** True when `text` is one quoted string from first to last character. */
export function isWholeQuoted(text: string): boolean {
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && closingQuote(text, 0) === text.length - 1;
}

/** Removes surrounding quotes and resolves `\"`, `\\`, `\n`, `\t` (double) or `''` (single); other text is returned as is. */
export function unquote(text: string): string {
  if (!isWholeQuoted(text)) return text;
  const body = text.slice(1, -1);
  if (text[0] === "'") return body.replace(/''/g, "'");
  return body.replace(/\\(["\\nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** Splits at top-level commas (`,` or `，`), keeping `Hardtanh(-2, 2)` and quoted commas whole; items are trimmed, unquoted, empty ones dropped. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let from = 0;
  walk(text, (ch, i, depth) => {
    if (depth === 0 && COMMAS.includes(ch)) {
      items.push(text.slice(from, i));
      from = i + 1;
    }
  });
  items.push(text.slice(from));
  return items.map((s) => unquote(s.trim())).filter((s) => s !== '');
}

/** Index of the bracket closing the `[` at 0, or -1. */
export function matchingClose(text: string): number {
  let at = -1;
  walk(text, (ch, i, depth) => {
    const hit = depth === 0 && CLOSE.includes(ch);
    if (hit) at = i;
    return hit;
  });
  return at;
}

/** `[[a]]`, `[[a]], [[b#c]]` → the links; anything else → undefined. */
export function linkSequence(text: string): string[] | undefined {
  const links: string[] = [];
  let i = 0;
  for (;;) {
    if (!text.startsWith('[[', i)) return undefined;
    const end = text.indexOf(']]', i + 2);
    if (end < 0 || /[[\]]/.test(text.slice(i + 2, end))) return undefined;
    links.push(text.slice(i, end + 2));
    i = end + 2;
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i === text.length) return links;
    if (!COMMAS.includes(text[i])) return undefined;
    i++;
    while (i < text.length && /\s/.test(text[i])) i++;
  }
}
