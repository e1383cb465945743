/**
 * The `$…$` and `$$…$$` of a Markdown note, with their lines, outside code fences and inline code; and the
 * heading each one sits under (a section named after an activation names its `f(x)`).
 */

/** One math span: its TeX, where that starts in the note, and the heading above it. */
export interface MathSpan {
  tex: string;
  at: number;
  heading: string;
}

/** The note with code fences and inline code blanked out (same length, newlines kept). */
function withoutCode(md: string): string {
  let fence: string | null = null;
  return md
    .split('\n')
    .map((line) => {
      const m = /^\s*(`{3,}|~{3,})/.exec(line);
      if (fence !== null) {
        if (m && m[1][0] === fence[0] && m[1].length >= fence.length) fence = null;
        return ' '.repeat(line.length);
      }
      if (m) {
        fence = m[1];
        return ' '.repeat(line.length);
      }
      return line.replace(/`[^`\n]*`/g, (c) => ' '.repeat(c.length));
    })
    .join('\n');
}

/** Every math span of `md`, in order. */
export function mathSpans(md: string): MathSpan[] {
  const s = withoutCode(md);
  const out: MathSpan[] = [];
  let heading = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '#' && (i === 0 || s[i - 1] === '\n')) {
      const m = /^#{1,6}[ \t]+([^\n]*)/.exec(s.slice(i, i + 300));
      if (m) heading = m[1].trim();
    }
    if (c === '\\') i++;
    if (c !== '$') continue;
    if (s[i + 1] === '$') {
      const end = s.indexOf('$$', i + 2);
      if (end < 0) break;
      out.push({ tex: s.slice(i + 2, end), at: i + 2, heading });
      i = end + 1;
      continue;
    }
    // Inline: no space just inside the dollars, within one paragraph.
    if (/\s/.test(s[i + 1] ?? ' ')) continue;
    let j = i + 1;
    for (; j < s.length && s[j] !== '$'; j++) {
      if (s[j] === '\\') j++;
      else if (s[j] === '\n' && s[j + 1] === '\n') break;
    }
    if (s[j] !== '$' || /\s/.test(s[j - 1])) continue;
    out.push({ tex: s.slice(i + 1, j), at: i + 1, heading });
    i = j;
  }
  return out;
}
