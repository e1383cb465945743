/**
 * Imitates obsidian.d.ts `MetadataCache` on top of the fake Vault, using the pure imitations in
 * `./metadata/` (computeCache, firstLinkpathDest). Indexing after a write is ASYNCHRONOUS, as in
 * Obsidian: `getFileCache` keeps returning the previous cache until the 'changed' event fires.
 */
import type { CachedMetadata } from 'obsidian';
import { Events } from './component';
import { TFile, Vault, type TAbstractFile } from './vault';
import { computeCache } from './metadata/compute-cache';
import { firstLinkpathDest, getLinkpath } from './metadata/link-resolution';

/** Imitates obsidian.d.ts `MetadataCache`. Events: 'changed'(file, data, cache), 'deleted'(file, prevCache), 'resolve'(file), 'resolved'(). */
export class MetadataCache extends Events {
  /** Imitates `MetadataCache.resolvedLinks`: source path → destination path → link count. */
  resolvedLinks: Record<string, Record<string, number>> = {};
  /** Imitates `MetadataCache.unresolvedLinks`: source path → unresolved linkpath → count. */
  unresolvedLinks: Record<string, Record<string, number>> = {};
  private caches = new Map<string, CachedMetadata>();
  private pending = new Set<TFile>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Indexes every Markdown file of `vault` now (Obsidian's startup index) and follows vault events. */
  constructor(private vault: Vault) {
    super();
    for (const file of vault.getMarkdownFiles()) this.index(file);
    this.resolveAll();
    vault.on('create', (f) => this.schedule(f as TAbstractFile));
    vault.on('modify', (f) => this.schedule(f as TAbstractFile));
    vault.on('delete', (f) => this.onDelete(f as TAbstractFile));
    vault.on('rename', (f, oldPath) => this.onRename(f as TAbstractFile, oldPath as string));
  }

  /** Imitates `MetadataCache.getFileCache(file)`: the last indexed cache, or null (non-Markdown or not yet indexed). */
  getFileCache(file: TFile): CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }

  /** Imitates `MetadataCache.getCache(path)`. */
  getCache(path: string): CachedMetadata | null {
    return this.caches.get(path) ?? null;
  }

  /** Imitates `MetadataCache.getFirstLinkpathDest(linkpath, sourcePath)`: best match via metadata/link-resolution. */
  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    const paths = this.vault.getFiles().map((f) => f.path);
    const dest = firstLinkpathDest(linkpath, sourcePath, paths);
    return dest === null ? null : this.vault.getFileByPath(dest);
  }

  /** Imitates `MetadataCache.fileToLinktext(file, sourcePath, omitMdExtension = true)`: the name if unique, else the full path. */
  fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
    const strip = (s: string): string => (omitMdExtension && file.extension === 'md' ? s.slice(0, -3) : s);
    const unique = this.vault.getFiles().filter((f) => f.name === file.name).length === 1;
    return strip(unique ? file.name : file.path);
  }

  /** Fake-only: resolves once every scheduled re-index has run and its events have fired. */
  async settle(): Promise<void> {
    while (this.timer !== null) await new Promise((r) => setTimeout(r, 0));
  }

  private index(file: TFile): CachedMetadata | null {
    const text = this.vault.peekText(file);
    if (text === null || file.extension !== 'md') return null;
    const cache = computeCache(text);
    this.caches.set(file.path, cache);
    return cache;
  }

  /** Re-indexes after a macrotask (setTimeout 0), coalescing writes that happen in the same turn. */
  private schedule(file: TAbstractFile): void {
    if (!(file instanceof TFile) || file.extension !== 'md') return;
    this.pending.add(file);
    this.timer ??= setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    const files = [...this.pending];
    this.pending.clear();
    this.timer = null;
    const indexed: TFile[] = [];
    for (const file of files) {
      const cache = this.index(file);
      if (!cache) continue;
      indexed.push(file);
      this.trigger('changed', file, this.vault.peekText(file), cache);
    }
    if (!indexed.length) return;
    this.resolveAll();
    for (const file of indexed) this.trigger('resolve', file);
    this.trigger('resolved');
  }

  private onDelete(file: TAbstractFile): void {
    if (!(file instanceof TFile)) return;
    this.pending.delete(file);
    const prev = this.caches.get(file.path) ?? null;
    if (!this.caches.delete(file.path) && file.extension !== 'md') return;
    this.trigger('deleted', file, prev);
    this.resolveAll();
    this.trigger('resolved');
  }

  /** Obsidian does not fire 'changed' on rename; the cache is re-keyed and links re-resolved. */
  private onRename(file: TAbstractFile, oldPath: string): void {
    const moved = [...this.caches.keys()].filter((p) => p === oldPath || p.startsWith(`${oldPath}/`));
    for (const p of moved) {
      const cache = this.caches.get(p)!;
      this.caches.delete(p);
      this.caches.set(file.path + p.slice(oldPath.length), cache);
    }
    if (file instanceof TFile && file.extension === 'md' && !moved.length) this.schedule(file);
    this.resolveAll();
    this.trigger('resolved');
  }

  private resolveAll(): void {
    this.resolvedLinks = {};
    this.unresolvedLinks = {};
    const paths = this.vault.getFiles().map((f) => f.path);
    for (const [source, cache] of this.caches) {
      const resolved: Record<string, number> = {};
      const unresolved: Record<string, number> = {};
      for (const ref of [...(cache.links ?? []), ...(cache.embeds ?? []), ...(cache.frontmatterLinks ?? [])]) {
        const linkpath = getLinkpath(ref.link);
        const dest = firstLinkpathDest(linkpath, source, paths);
        if (dest !== null) resolved[dest] = (resolved[dest] ?? 0) + 1;
        else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
      }
      this.resolvedLinks[source] = resolved;
      this.unresolvedLinks[source] = unresolved;
    }
  }
}
