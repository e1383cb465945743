/**
 * Pure rules for the linked content a block shows in its context panels: how deep linked content may nest
 * (a note whose blocks link back to it must not render forever), how big a shown text may be, and how a
 * block ref's own `^id` marker is dropped from what is shown. No Obsidian, no DOM.
 */

/** Context panels nest at most this many levels (a panel inside a block inside a panel …). */
export const MAX_CONTEXT_DEPTH = 2;

/** Longest linked text shown in a panel, in UTF-16 code units; longer targets are cut with a note. */
export const MAX_CONTEXT_CHARS = 20_000;

/** Whether a panel renders its content, and the chain its rendered content carries to blocks inside it. */
export type NestDecision = { render: true; chain: string[] } | { render: false; reason: 'depth' | 'cycle' };

/**
 * Decides whether a panel of a block sitting inside `chain` (the paths of the notes shown by the panels around
 * the block, outermost first; empty for a block written in the note itself) renders content of note `path`.
 * Depth first: a block already `maxDepth` panels deep shows none. Then a note already shown around the block
 * is a cycle (A → B → A, a note showing itself) — by note, not by section, because sections of one note can
 * contain each other (`[[A]]` holds `[[A#h]]`, and `[[A#h]]` may hold the block itself). Either way the
 * recursion stops, so rendering always terminates.
 */
export function nestDecision(chain: readonly string[], path: string, maxDepth = MAX_CONTEXT_DEPTH): NestDecision {
  if (chain.length >= maxDepth) return { render: false, reason: 'depth' };
  if (chain.includes(path)) return { render: false, reason: 'cycle' };
  return { render: true, chain: [...chain, path] };
}

/** A text cut to a size limit: what is shown, whether it was cut, and the full length. */
export interface Truncated {
  text: string;
  truncated: boolean;
  total: number;
}

/**
 * Cuts `text` to at most `max` code units. The cut moves back to the last line break when one lies in the last
 * fifth (so Markdown is not broken mid-line) and never splits a surrogate pair (a 汉字 beyond the BMP or an emoji).
 */
export function truncateText(text: string, max = MAX_CONTEXT_CHARS): Truncated {
  if (text.length <= max) return { text, truncated: false, total: text.length };
  let cut = max;
  const lineBreak = text.lastIndexOf('\n', max);
  if (lineBreak >= max * 0.8) cut = lineBreak;
  else if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut--;
  return { text: text.slice(0, cut), truncated: true, total: text.length };
}

/** Removes the trailing ` ^id` marker of a referenced block (Obsidian hides it when rendering). */
export function stripBlockId(text: string, id: string): string {
  const escaped = id.replace(/[-]/g, '\\-');
  return text.replace(new RegExp(`[ \\t]+\\^${escaped}[ \\t]*(?=\\r?\\n?$)`, 'i'), '');
}

/** Removes a leading YAML frontmatter (`---` … `---`) when the metadata cache cannot say where it ends. */
export function stripFrontmatter(text: string): string {
  return text.replace(/^---\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/, '');
}
