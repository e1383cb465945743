/**
 * The core's LinkResolver port, implemented with Obsidian's own calls so a block's links mean exactly what they
 * mean everywhere else in the vault: `getLinkpath` → `metadataCache.getFirstLinkpathDest(linkpath, sourcePath)`
 * (relative to the block's note, never the active file) → `resolveSubpath` on the target's cache → a slice of
 * `vault.cachedRead`.
 */
import { TFile, getLinkpath, resolveSubpath, type App } from 'obsidian';
import { MAX_CONTEXT_CHARS, stripFrontmatter, truncateText } from '../core/links/context-links';
import { linkTextOf, type LinkResolver, type ResolvedLink, type WikiLink } from '../core/links/wikilinks';

/** A resolution plus what the panel needs besides the port's fields: the full length of a cut text. */
export type ContextText = ResolvedLink & { total?: number };

/** Resolves wiki-links to note text through the app's metadata cache and vault. */
export class ObsidianLinkResolver implements LinkResolver {
  constructor(
    private readonly app: App,
    private readonly maxChars = MAX_CONTEXT_CHARS,
  ) {}

  /** The note a link points to from `sourcePath`, as Obsidian resolves it; `[[#Heading]]` is the source note. */
  destination(link: WikiLink, sourcePath: string): TFile | null {
    const linkpath = getLinkpath(linkTextOf(link));
    if (linkpath === '') return this.fileAt(sourcePath);
    return this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
  }

  /** The file at a vault path, if it is one (not a folder, not gone). */
  fileAt(path: string): TFile | null {
    const file = this.app.vault.getAbstractFileByPath(path);
    return file instanceof TFile ? file : null;
  }

  /** The port: the linked text, or which part (note, heading, block) is missing. */
  async resolve(link: WikiLink, sourcePath: string): Promise<ContextText> {
    const file = this.destination(link, sourcePath);
    if (!file) return { ok: false, missing: 'note', what: getLinkpath(linkTextOf(link)) };
    return this.resolveIn(link, file);
  }

  /**
   * The link's subpath inside a known file (also used to follow a rename the block saw). A heading runs to the
   * next heading of the same or a higher level; a block ref is its paragraph or list item; no subpath is the
   * whole note without its frontmatter.
   */
  async resolveIn(link: WikiLink, file: TFile): Promise<ContextText> {
    const text = await this.app.vault.cachedRead(file);
    const cache = this.app.metadataCache.getFileCache(file);
    let slice: string;
    if (link.subpath === '') {
      const fm = cache?.frontmatterPosition;
      slice = fm ? text.slice(fm.end.offset).replace(/^[ \t]*\r?\n/, '') : stripFrontmatter(text);
    } else {
      // Not indexed yet (a note just created): reported missing now, fixed by the 'changed' event that follows.
      const found = cache ? resolveSubpath(cache, link.subpath) : null;
      if (!found) return { ok: false, missing: link.blockId !== undefined ? 'block' : 'heading', what: link.subpath };
      slice = text.slice(found.start.offset, found.end ? found.end.offset : text.length);
    }
    const cut = truncateText(slice, this.maxChars);
    return { ok: true, path: file.path, text: cut.text, truncated: cut.truncated, total: cut.total };
  }
}
