/**
 * Live updates for one block's links: listens to the metadata cache's 'changed' (a note re-indexed: its text
 * and headings are current) and the vault's 'rename' and 'delete', keeps only events about the notes this
 * block actually read (or a note that would now resolve one of its missing links), and reports them in one
 * debounced batch. Everything is registered on the owning component, so unloading it stops everything.
 */
import { TFolder, debounce, type App, type Component, type Debouncer, type TAbstractFile, type TFile } from 'obsidian';

/** Delay after the first event of a burst before the block refreshes (well under the 1 s users notice). */
export const WATCH_DELAY_MS = 200;

/** A batch of relevant events: paths whose content may have changed, and renames as old path → new path. */
export interface LinkChanges {
  paths: Set<string>;
  renames: Map<string, string>;
}

/** True when `path` is what Obsidian could resolve the (lower-cased) linkpath `wanted` to: by path or name. */
function couldResolve(path: string, wanted: string): boolean {
  const p = path.toLowerCase();
  return [wanted, `${wanted}.md`].some((w) => p === w || p.endsWith(`/${w}`));
}

/** Watches the notes one block read. Call `track` after each resolution with what was read and what was missing. */
export class LinkWatch {
  private read = new Set<string>();
  private wanted = new Set<string>();
  private pending: LinkChanges = { paths: new Set(), renames: new Map() };
  private readonly flush: Debouncer<[], void>;

  constructor(owner: Component, app: App, onChange: (changes: LinkChanges) => void, delay = WATCH_DELAY_MS) {
    this.flush = debounce(
      () => {
        const changes = this.pending;
        this.pending = { paths: new Set(), renames: new Map() };
        onChange(changes);
      },
      delay,
      false,
    );
    owner.register(() => this.flush.cancel());
    owner.registerEvent(app.metadataCache.on('changed', (file: TFile) => this.onChanged(file)));
    owner.registerEvent(app.vault.on('rename', (file, oldPath) => this.onRename(file, oldPath)));
    owner.registerEvent(app.vault.on('delete', (file) => this.onDelete(file)));
  }

  /** Sets the vault paths the block read and the linkpaths it could not resolve (a note created later fixes them). */
  track(read: Iterable<string>, missing: Iterable<string>): void {
    this.read = new Set(read);
    this.wanted = new Set([...missing].filter((m) => m !== '').map((m) => m.replace(/^\/+/, '').toLowerCase()));
  }

  private wants(path: string): boolean {
    for (const w of this.wanted) if (couldResolve(path, w)) return true;
    return false;
  }

  private note(path: string): void {
    this.pending.paths.add(path);
    this.flush();
  }

  private onChanged(file: TFile): void {
    if (this.read.has(file.path) || this.wants(file.path)) this.note(file.path);
  }

  /** A renamed note, or a renamed folder holding read notes (Obsidian may report the folder only). */
  private onRename(file: TAbstractFile, oldPath: string): void {
    const prefix = file instanceof TFolder ? `${oldPath}/` : null;
    for (const path of this.read) {
      if (path !== oldPath && !(prefix && path.startsWith(prefix))) continue;
      const to = prefix ? file.path + path.slice(oldPath.length) : file.path;
      this.pending.renames.set(path, to);
      this.note(path);
    }
    if (!prefix && this.wants(file.path)) this.note(file.path);
  }

  private onDelete(file: TAbstractFile): void {
    if (this.read.has(file.path)) this.note(file.path);
  }
}
