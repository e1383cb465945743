/**
 * Wiki-links typed in our code blocks (`context: "[[神经网络#基本模型]]"`): parsing them into their parts, and the
 * port through which the Obsidian glue turns one into note text. Pure: no Obsidian, no DOM.
 *
 * Syntax accepted (Obsidian's): `[[target]]`, `[[target#Heading]]`, `[[target#H1#H2]]` (a heading chain),
 * `[[target#^block-id]]`, `[[target|shown text]]`, `[[#Heading]]` (same note), `![[…]]` (embed), folders in the
 * target (`[[folder/note]]`), any script (Chinese included), optionally wrapped in matching `"` or `'` quotes.
 */
import { type Result, fail, ok } from '../result';

/** A parsed wiki-link. `linkTextOf(link)` gives the text Obsidian's `getLinkpath`/`parseLinktext` expect. */
export interface WikiLink {
  /** The link as written, brackets included, quotes and surrounding spaces removed. */
  raw: string;
  /** The path part before the first `#` (without `.md` unless written); '' for a link into the same note. */
  target: string;
  /** '' or the normalised subpath: `#基本模型`, `#H1#H2`, `#^block-id`. */
  subpath: string;
  /** The heading chain of the subpath (empty for a block or no subpath). */
  headings: string[];
  /** The block id of a `#^id` subpath, without `^`. */
  blockId?: string;
  /** The text after the first `|`, when not empty. */
  alias?: string;
  /** Written as `![[…]]`. */
  embed: boolean;
}

/** Obsidian block ids: letters, digits and dashes. */
const BLOCK_ID = /^[A-Za-z0-9-]+$/;

/**
 * Parses one wiki-link (the whole text, after trimming and removing one pair of matching quotes).
 * Fails with `badLink` (arg `value`: the text as given) when the text is not exactly one `[[…]]` / `![[…]]`; when
 * it names nothing (`[[]]`, `[[|x]]`, `[[#]]` — Obsidian leaves `[[|x]]` unresolved too); when it holds `[`, `]` or
 * a line break inside; or when a block id is invalid (not letters, digits, dashes) or is not the only subpath part.
 * Tolerated: spaces around parts (trimmed), empty heading parts (`#a##b` → `#a#b`), an empty alias (`[[a|]]`).
 */
export function parseWikiLink(text: string): Result<WikiLink> {
  const bad = (): Result<WikiLink> => fail('badLink', { value: text });
  let s = text.trim();
  const quoted = /^(["'])(.*)\1$/s.exec(s);
  if (quoted) s = quoted[2].trim();
  const m = /^(!?)\[\[(.*)\]\]$/s.exec(s);
  if (!m) return bad();
  const inner = m[2];
  if (/[[\]\n\r]/.test(inner)) return bad();
  const bar = inner.indexOf('|');
  const linktext = (bar < 0 ? inner : inner.slice(0, bar)).trim();
  const alias = bar < 0 ? '' : inner.slice(bar + 1).trim();
  const hash = linktext.indexOf('#');
  const target = (hash < 0 ? linktext : linktext.slice(0, hash)).trim();
  const parts =
    hash < 0
      ? []
      : linktext
          .slice(hash + 1)
          .split('#')
          .map((p) => p.trim())
          .filter((p) => p !== '');
  if (target === '' && parts.length === 0) return bad();
  const link: WikiLink = { raw: s, target, subpath: '', headings: [], embed: m[1] === '!' };
  if (parts.some((p) => p.startsWith('^'))) {
    const id = parts[0].slice(1);
    if (parts.length !== 1 || !BLOCK_ID.test(id)) return bad();
    link.blockId = id;
    link.subpath = `#^${id}`;
  } else if (parts.length) {
    link.headings = parts;
    link.subpath = parts.map((p) => `#${p}`).join('');
  }
  if (alias !== '') link.alias = alias;
  return ok(link);
}

/** Every well-formed wiki-link in `text`, with its `[start, end)` offsets; malformed ones are skipped. */
export function findWikiLinks(text: string): Array<{ link: WikiLink; start: number; end: number }> {
  const found: Array<{ link: WikiLink; start: number; end: number }> = [];
  for (const m of text.matchAll(/!?\[\[([^[\]\n]*)\]\]/g)) {
    const parsed = parseWikiLink(m[0]);
    if (parsed.ok) found.push({ link: parsed.value, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The linktext to hand to Obsidian's `getLinkpath`/`parseLinktext`: target plus subpath, alias dropped. */
export function linkTextOf(link: WikiLink): string {
  return link.target + link.subpath;
}

/** Outcome of resolving a link: the note's path and the linked text, or what could not be found. */
export type ResolvedLink =
  | { ok: true; path: string; text: string; truncated: boolean }
  | { ok: false; missing: 'note' | 'heading' | 'block'; what: string };

/**
 * What the core needs from the host to turn a link into text. The Obsidian glue implements it with
 * `metadataCache.getFirstLinkpathDest(getLinkpath(linkTextOf(link)), sourcePath)` — relative to the block's own
 * note, never the active file — then `resolveSubpath(cache, link.subpath)` and `vault.cachedRead`, slicing the
 * note from the result's `start` to its `end` (or the end of the note); `truncated` says the text was cut to a
 * size limit.
 */
export interface LinkResolver {
  resolve(link: WikiLink, sourcePath: string): Promise<ResolvedLink>;
}
