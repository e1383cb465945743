/**
 * A read-only vault for tests: note texts by path, their `computeCache` metadata, and link resolution exactly as the
 * Obsidian glue does it (`getFirstLinkpathDest` → `resolveSubpath` → slice of the note), so tests can exercise the
 * core's `LinkResolver` port without Obsidian.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CachedMetadata } from 'obsidian';
import { type LinkResolver, type ResolvedLink, type WikiLink, linkTextOf } from '../../../src/core/links/wikilinks';
import { computeCache } from './compute-cache';
import { firstLinkpathDest, getLinkpath, parseLinktext, resolveSubpath } from './link-resolution';

/** Files of a vault in memory, with the metadata cache computed on demand. */
export class FakeVault implements LinkResolver {
  private readonly caches = new Map<string, CachedMetadata>();

  constructor(
    private readonly files: Record<string, string>,
    private readonly maxChars = Infinity,
  ) {}

  /** Reads every file under `dir` (paths relative to it, `/`-separated, like vault paths). */
  static fromFolder(dir: string, maxChars = Infinity): FakeVault {
    const files: Record<string, string> = {};
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const full = join(d, name);
        if (statSync(full).isDirectory()) walk(full);
        else files[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
      }
    };
    walk(dir);
    return new FakeVault(files, maxChars);
  }

  /** Every file path, sorted (imitates `vault.getFiles().map(f => f.path)`). */
  paths(): string[] {
    return Object.keys(this.files).sort();
  }

  /** Imitates `vault.cachedRead(file)`. */
  read(path: string): string {
    const text = this.files[path];
    if (text === undefined) throw new Error(`no file ${path} in the fake vault`);
    return text;
  }

  /** Imitates `metadataCache.getFileCache(file)`. */
  cache(path: string): CachedMetadata {
    if (!this.caches.has(path)) this.caches.set(path, computeCache(this.read(path)));
    return this.caches.get(path)!;
  }

  /** Imitates `metadataCache.getFirstLinkpathDest(getLinkpath(linktext), sourcePath)?.path ?? null`. */
  dest(linktext: string, sourcePath: string): string | null {
    return firstLinkpathDest(getLinkpath(linktext), sourcePath, this.paths());
  }

  /** Resolves linktext (`note#H1#H2`, `note#^id`, `#H`) to the note and the linked text, as the glue does. */
  resolveText(linktext: string, sourcePath: string): ResolvedLink {
    const path = this.dest(linktext, sourcePath);
    const { subpath } = parseLinktext(linktext);
    if (path === null) return { ok: false, missing: 'note', what: getLinkpath(linktext) };
    const text = this.read(path);
    let slice = text;
    if (subpath !== '') {
      const found = resolveSubpath(this.cache(path), subpath);
      if (!found) return { ok: false, missing: subpath.startsWith('#^') ? 'block' : 'heading', what: subpath };
      slice = text.slice(found.start.offset, found.end ? found.end.offset : text.length);
    }
    const truncated = slice.length > this.maxChars;
    return { ok: true, path, text: truncated ? slice.slice(0, this.maxChars) : slice, truncated };
  }

  /** The core's `LinkResolver` port, implemented over this fake vault. */
  resolve(link: WikiLink, sourcePath: string): Promise<ResolvedLink> {
    return Promise.resolve(this.resolveText(linkTextOf(link), sourcePath));
  }
}
