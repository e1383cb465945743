/**
 * Pure imitations of Obsidian's link resolution, for the fake metadata cache and the plugin's link tests:
 * `getLinkpath`, `parseLinktext`, `MetadataCache.getFirstLinkpathDest` and `resolveSubpath` (obsidian.d.ts).
 * Checked against every `resolveLinkToPath` of the 89 captures (link-resolution.test.ts).
 */
import type { BlockSubpathResult, CachedMetadata, HeadingCache, HeadingSubpathResult } from 'obsidian';

/** Imitates `parseLinktext`: the path is the text before the first `#`, the subpath is the rest including `#`. */
export function parseLinktext(linktext: string): { path: string; subpath: string } {
  const hash = linktext.indexOf('#');
  return hash < 0 ? { path: linktext, subpath: '' } : { path: linktext.slice(0, hash), subpath: linktext.slice(hash) };
}

/** Imitates `getLinkpath`: `parseLinktext(linktext).path` (so `[[#h]]` gives '' and `pa#th/x` gives 'pa'). */
export function getLinkpath(linktext: string): string {
  return parseLinktext(linktext).path;
}

const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** Resolves `./` and `../` segments of a relative link against the source note's folder. */
function joinRelative(folder: string, linkpath: string): string {
  const parts = folder === '' ? [] : folder.split('/');
  for (const seg of linkpath.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Imitates `MetadataCache.getFirstLinkpathDest(linkpath, sourcePath)` over a vault given as its file paths.
 * Rules, in order:
 * 1. An empty linkpath (a `[[#heading]]` link) is the source note itself (if it is in the vault).
 * 2. A linkpath starting `./` or `../` is resolved against the source's folder, then must match exactly
 *    (as written, or with `.md` added); a leading `/` is dropped (vault root).
 * 3. An exact path match wins: the linkpath as written, then with `.md` added (case-sensitive, like the vault).
 * 4. Otherwise candidates are files whose path, ignoring case, is the linkpath or ends with `/` + linkpath, as
 *    written or with `.md` added — so a bare name matches by basename and `folder/name` by path suffix.
 * 5. Among candidates, one in the source note's own folder is preferred; then the shortest path; then the
 *    alphabetically first (Obsidian uses its file index order here, which a fake cannot reproduce; the captures
 *    never have two candidates).
 * 6. No candidate → null (an unresolved link, e.g. `[[missing]]`, `[[|alias]]`, `[[pa#th/x]]` → 'pa').
 */
export function firstLinkpathDest(linkpath: string, sourcePath: string, allPaths: string[]): string | null {
  if (linkpath === '') return allPaths.includes(sourcePath) ? sourcePath : null;
  const exact = (p: string): string | null =>
    allPaths.includes(p) ? p : allPaths.includes(`${p}.md`) ? `${p}.md` : null;
  if (/^\.\.?\//.test(linkpath)) return exact(joinRelative(folderOf(sourcePath), linkpath));
  const wanted = linkpath.replace(/^\/+/, '');
  const direct = exact(wanted);
  if (direct) return direct;
  const lower = wanted.toLowerCase();
  const forms = [lower, `${lower}.md`];
  const candidates = allPaths.filter((p) => {
    const lp = p.toLowerCase();
    return forms.some((f) => lp === f || lp.endsWith(`/${f}`));
  });
  if (!candidates.length) return null;
  const here = folderOf(sourcePath);
  candidates.sort(
    (a, b) => Number(folderOf(b) === here) - Number(folderOf(a) === here) || a.length - b.length || (a < b ? -1 : 1),
  );
  return candidates[0];
}

/**
 * Imitates `stripHeading` for link matching: ASCII punctuation Obsidian strips from links (`!"#$%&()*+,.:;<=>?@^`
 * `` ` `` `{|}~/\[]`) becomes a space, whitespace runs shrink to one space, ends trimmed; compared ignoring case.
 * Other characters (`-`, `_`, `'`, Chinese text and punctuation) are compared literally.
 */
export function stripHeading(heading: string): string {
  return heading
    .replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/\\[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Imitates `resolveSubpath(cache, subpath)`.
 * - `#^id`: the block with that id (exact, else ignoring case) → `{ type: 'block', block, list?, start, end }`
 *   with `start`/`end` the block's position; `list` is the list item holding the id, if any.
 * - `#H1#H2…`: each part is looked for in document order among headings after the previous part's heading and
 *   deeper than it (the first part anywhere); matching uses `stripHeading` on both sides. The result's `current`
 *   is the last part's heading, `next` the first later heading of the same or a higher level (level ≤ current's),
 *   `start` its position start and `end` `next`'s start, or null when the section runs to the end of the note.
 * - Anything not found (or an empty subpath) → null.
 */
export function resolveSubpath(
  cache: CachedMetadata,
  subpath: string,
): HeadingSubpathResult | BlockSubpathResult | null {
  const parts = subpath.split('#').filter((p) => p !== '');
  if (!parts.length) return null;
  if (parts[0].startsWith('^')) {
    const id = parts[0].slice(1);
    const blocks = cache.blocks ?? {};
    const key = id in blocks ? id : Object.keys(blocks).find((k) => k.toLowerCase() === id.toLowerCase());
    if (key === undefined) return null;
    const block = blocks[key];
    const list = cache.listItems?.find(
      (item) => item.id !== undefined && item.position.start.offset === block.position.start.offset,
    );
    const result: BlockSubpathResult = { type: 'block', block, start: block.position.start, end: block.position.end };
    if (list) result.list = list;
    return result;
  }
  const headings = cache.headings ?? [];
  let at = -1;
  let current: HeadingCache | null = null;
  for (const part of parts) {
    const want = stripHeading(part);
    const minLevel = current ? current.level : 0;
    const found = headings.findIndex((h, k) => k > at && h.level > minLevel && stripHeading(h.heading) === want);
    if (found < 0) return null;
    at = found;
    current = headings[found];
  }
  const cur = current as HeadingCache;
  const next = headings.slice(at + 1).find((h) => h.level <= cur.level);
  // obsidian.d.ts types `next` as HeadingCache; at the end of the note Obsidian leaves it undefined.
  return {
    type: 'heading',
    current: cur,
    next: next as HeadingCache,
    start: cur.position.start,
    end: next ? next.position.start : null,
  };
}
