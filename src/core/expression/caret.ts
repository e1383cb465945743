/** The line an error quotes and the caret under the offending column, cut to a window around it. */

/** Controls and bidi marks become spaces, one for one, so the caret stays under its character. */
function safe(ch: string): string {
  const c = ch.charCodeAt(0);
  const unsafe =
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069);
  return unsafe ? ' ' : ch;
}

/** `source` (one line, at most `width` characters around `column`) and a caret line pointing at `column` (1-based). */
export function caretLines(source: string, column: number, width = 72): { text: string; caret: string } {
  let clean = '';
  for (const ch of source) clean += ch.length === 1 ? safe(ch) : ch;
  const at = Math.max(0, Math.min(clean.length, column - 1));
  const start = Math.max(0, Math.min(at - Math.floor(width / 2), clean.length - width));
  const end = Math.min(clean.length, start + width);
  const head = start > 0 ? '…' : '';
  const text = head + clean.slice(start, end) + (end < clean.length ? '…' : '');
  return { text, caret: ' '.repeat(head.length + at - start) + '^' };
}
