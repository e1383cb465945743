/**
 * Imitates obsidian.d.ts `App`, `Workspace` and `FileManager`. There are no real leaves/splits:
 * the workspace has at most one active MarkdownView (opened with `openFile` or `openLinkText`).
 */
import type { HoverLinkSource, PaneType } from 'obsidian';
import { Events } from './component';
import { hasDom } from './dom';
import { MarkdownView } from './editor';
import { MetadataCache } from './metadata-cache';
import { CommandRegistry } from './plugin';
import { normalizePath, TFile, Vault, type TAbstractFile, type TFolder } from './vault';

/** One recorded `openLinkText` call (fake-only). */
export interface OpenedLink {
  linktext: string;
  sourcePath: string;
  newLeaf?: PaneType | boolean;
}

/** Imitates obsidian.d.ts `Workspace`. Fake-only records: openedLinks, hoverLinks. */
export class Workspace extends Events {
  /** Imitates `Workspace.containerEl` (a detached `div.workspace` when a DOM exists). */
  containerEl: HTMLElement;
  /** Stand-in for the left ribbon's element (ribbon icons are appended here). */
  leftRibbonEl: HTMLElement;
  /** Imitates `Workspace.layoutReady`. */
  layoutReady = false;
  /** Fake-only: every openLinkText call. */
  openedLinks: OpenedLink[] = [];
  /** Fake-only: the payload of every `trigger('hover-link', …)`. */
  hoverLinks: unknown[] = [];
  /** Imitates the (private) registry behind Plugin.registerHoverLinkSource. */
  hoverLinkSources: Record<string, HoverLinkSource> = {};
  private readyCallbacks: (() => unknown)[] = [];
  private activeView: MarkdownView | null = null;

  constructor(private app: App) {
    super();
    this.containerEl = (hasDom() ? document.createElement('div') : null) as HTMLElement;
    this.leftRibbonEl = (hasDom() ? document.createElement('div') : null) as HTMLElement;
    this.containerEl?.classList.add('workspace');
  }

  /** Imitates `Workspace.onLayoutReady(cb)`: runs now if the layout is ready, else once it becomes ready. */
  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback();
    else this.readyCallbacks.push(callback);
  }

  /** Fake-only: marks the layout ready and runs queued onLayoutReady callbacks (Obsidian does this after startup). */
  setLayoutReady(): void {
    if (this.layoutReady) return;
    this.layoutReady = true;
    for (const cb of this.readyCallbacks.splice(0)) cb();
    this.trigger('layout-ready');
  }

  /** Imitates `Events.trigger`, additionally recording 'hover-link' payloads. */
  trigger(name: string, ...data: unknown[]): void {
    if (name === 'hover-link') this.hoverLinks.push(data[0]);
    super.trigger(name, ...data);
  }

  /** Imitates `Workspace.openLinkText(linktext, sourcePath, newLeaf?)`: opens the resolved file; an unresolved link CREATES the note (a write), like Obsidian. */
  async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean): Promise<void> {
    this.openedLinks.push({ linktext, sourcePath, newLeaf });
    const linkpath = linktext.split('#')[0].split('|')[0];
    if (linkpath === '') return;
    let file = this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
    if (!file) {
      // Clicking an unresolved link creates the note, and its folder when missing, as Obsidian does.
      const path = normalizePath(/\.[^/]+$/.test(linkpath) ? linkpath : `${linkpath}.md`);
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      if (folder && !this.app.vault.getAbstractFileByPath(folder)) await this.app.vault.createFolder(folder);
      file = await this.app.vault.create(path, '');
    }
    this.openFile(file);
  }

  /** Fake-only: makes a MarkdownView of `file` the active view and fires 'file-open' and 'active-leaf-change'. */
  openFile(file: TFile): MarkdownView {
    this.activeView?.unload();
    this.activeView = new MarkdownView(this.app, file);
    this.activeView.load();
    this.trigger('file-open', file);
    this.trigger('active-leaf-change', null);
    return this.activeView;
  }

  /** Imitates `Workspace.getActiveFile()`. */
  getActiveFile(): TFile | null {
    return this.activeView?.file ?? null;
  }

  /** Imitates `Workspace.getActiveViewOfType(type)`: the active view if it is an instance of `type`, else null. */
  getActiveViewOfType<T>(type: abstract new (...args: never[]) => T): T | null {
    return this.activeView instanceof type ? this.activeView : null;
  }

  /** Fake-only shorthand for getActiveViewOfType(MarkdownView). */
  getActiveMarkdownView(): MarkdownView | null {
    return this.activeView;
  }

  /** Imitates `Workspace.updateOptions()`: no-op (no editor extensions in the fake). */
  updateOptions(): void {}
}

/** Imitates obsidian.d.ts `FileManager`. */
export class FileManager {
  constructor(private app: App) {}

  /** Imitates `FileManager.renameFile(file, newPath)`: Vault.rename (+ 'rename' and metadata re-keying). Does NOT rewrite links in other notes. */
  async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    await this.app.vault.rename(file, newPath);
  }

  /** Imitates `FileManager.getNewFileParent(sourcePath)`: the vault root (Obsidian's default "Vault folder"). */
  getNewFileParent(_sourcePath: string): TFolder {
    return this.app.vault.getRoot();
  }

  /** Imitates `FileManager.generateMarkdownLink(file, sourcePath, subpath?, alias?)` with Obsidian's default wikilink style. */
  generateMarkdownLink(file: TFile, sourcePath: string, subpath = '', alias = ''): string {
    const text = this.app.metadataCache.fileToLinktext(file, sourcePath, true);
    return `${file.extension === 'md' ? '' : '!'}[[${text}${subpath}${alias ? `|${alias}` : ''}]]`;
  }

  /** Imitates `FileManager.getAvailablePathForAttachment(filename, sourcePath?)`: honours vault config attachmentFolderPath ('/', './', './sub', 'folder'); creates the folder (a recorded write) and dedupes as "name 1.ext". */
  async getAvailablePathForAttachment(filename: string, sourcePath?: string): Promise<string> {
    const configured = this.app.vault.getConfig('attachmentFolderPath');
    const setting = typeof configured === 'string' ? configured : '/';
    const source = sourcePath ?? this.app.workspace.getActiveFile()?.path ?? '';
    const noteDir = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
    let folder =
      setting === '/'
        ? ''
        : setting === './' || setting === '.'
          ? noteDir
          : setting.startsWith('./')
            ? `${noteDir}/${setting.slice(2)}`
            : setting;
    folder = folder === '' ? '' : normalizePath(folder);
    if (folder !== '' && folder !== '/' && !this.app.vault.getFolderByPath(folder))
      await this.app.vault.createFolder(folder);
    const dot = filename.lastIndexOf('.');
    const [base, ext] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot)] : [filename, ''];
    const prefix = folder === '' || folder === '/' ? '' : `${folder}/`;
    let candidate = `${prefix}${base}${ext}`;
    for (let n = 1; this.app.vault.getAbstractFileByPath(candidate); n++) candidate = `${prefix}${base} ${n}${ext}`;
    return candidate;
  }
}

/** Imitates obsidian.d.ts `App` for one in-memory vault. Fake-only: commands, pluginData, localStorage. */
export class App {
  /** Imitates `App.vault`. */
  vault: Vault;
  /** Imitates `App.metadataCache`. */
  metadataCache: MetadataCache;
  /** Imitates `App.fileManager`. */
  fileManager: FileManager;
  /** Imitates `App.workspace`. */
  workspace: Workspace;
  /** Imitates `App.lastEvent`. */
  lastEvent: UIEvent | null = null;
  /** Imitates the private `app.commands` registry. */
  commands = new CommandRegistry();
  /** Fake-only: each plugin's data.json text, by plugin id. */
  pluginData = new Map<string, string>();
  private local = new Map<string, unknown>();

  /** Builds an app around a vault holding `files` (path → text or bytes). */
  constructor(files: Record<string, string | ArrayBuffer> = {}) {
    this.vault = new Vault(files);
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this);
    this.workspace = new Workspace(this);
  }

  /** Imitates `App.isDarkMode()`: true when <body> has class theme-dark. */
  isDarkMode(): boolean {
    return hasDom() && document.body.classList.contains('theme-dark');
  }

  /** Imitates `App.loadLocalStorage(key)` (in memory, per App). */
  loadLocalStorage(key: string): unknown {
    return this.local.has(key) ? structuredClone(this.local.get(key)) : null;
  }

  /** Imitates `App.saveLocalStorage(key, data)`: null clears the entry. */
  saveLocalStorage(key: string, data: unknown): void {
    if (data === null || data === undefined) this.local.delete(key);
    else this.local.set(key, structuredClone(data));
  }
}
