/**
 * LaTeX math as students write it → a flat token list. Spacing commands and `\displaystyle`-like noise are
 * dropped here; `\text{…}`, `\mathrm{…}` and `\operatorname{…}` become one `text` token holding their words.
 */

/** One token; `at` is its offset in the math source. */
export interface TexToken {
  kind: 'num' | 'word' | 'cmd' | 'text' | 'char' | 'end';
  text: string;
  at: number;
}

/** Commands that only space or style: dropped. */
const NOISE = /^\\([,;:! ]|q?quad|displaystyle|textstyle|nonumber|notag|limits|[bB]igg?[lr]?|space)$/;
/** Unicode a note may paste in place of a command. */
const UNICODE: Record<string, string> = {
  σ: '\\sigma',
  α: '\\alpha',
  β: '\\beta',
  λ: '\\lambda',
  π: '\\pi',
  Φ: '\\Phi',
  '≤': '\\le',
  '≥': '\\ge',
  '·': '\\cdot',
  '×': '\\times',
  '−': '-',
  '′': "'",
  '（': '(',
  '）': ')',
  '，': ',',
};
/**
 * One token per match: spaces and `%` comments (skipped), a number, a run of letters, `\begin{env}` / `\end{env}`,
 * a textual command with its braced words (one level of nested braces), any other command, any other character.
 */
const TOKEN =
  /\s+|%[^\n]*|(\d*\.?\d+|\d+\.?)|([A-Za-z]+)|(\\(?:begin|end))\s*\{\s*([A-Za-z]+\*?)\s*\}|\\(?:text|textrm|textit|textbf|mathrm|mathit|mathbf|mathsf|operatorname\*?|mbox|rm)\s*(\{(?:[^{}]|\{[^{}]*\})*\})?|(\\(?:[A-Za-z]+\*?|[^]?))|([^])/gy;

/** Tokens of `src`, ending with one `end` token. Never throws. */
export function texTokens(src: string): TexToken[] {
  const out: TexToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(src); m; m = TOKEN.exec(src)) {
    // Indexed, not destructured: destructuring walks the match with an iterator, once per token of a long note.
    const all = m[0];
    const n = m[1];
    const word = m[2];
    const env = m[3];
    const envName = m[4];
    const text = m[5];
    const cmd = m[6];
    const char = m[7];
    const at = m.index;
    if (n) out.push({ kind: 'num', text: n, at });
    else if (word) out.push({ kind: 'word', text: word, at });
    // `\begin{cases}` is one token, so environments are compared by text.
    else if (env) out.push({ kind: 'cmd', text: `${env}{${envName}}`, at });
    else if (cmd) {
      if (!NOISE.test(cmd)) out.push({ kind: 'cmd', text: cmd, at });
    } else if (char) {
      const u = UNICODE[char];
      out.push(u ? { kind: u[0] === '\\' ? 'cmd' : 'char', text: u, at } : { kind: 'char', text: char, at });
    } else if (all[0] === '\\')
      out.push({ kind: 'text', text: (text ?? '').replace(/\\[ ,;]|[{}\\]/g, ' ').trim(), at });
  }
  out.push({ kind: 'end', text: '', at: src.length });
  return out;
}
