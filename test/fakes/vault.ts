/**
 * Imitates obsidian.d.ts `TAbstractFile`, `TFile`, `TFolder`, `Vault`, `FileManager`, `normalizePath`
 * over an in-memory map. Every write is appended to `Vault.writes` so tests can assert "no silent writes".
 */
import { Events } from './component';

/** Imitates obsidian.d.ts `normalizePath`: collapses slashes/backslashes, trims them at both ends, NBSP→space, NFC; '' → '/'. */
export function normalizePath(path: string): string {
  const p = path
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/[\\/]+/g, '/')
    .replace(/^\/+|\/+$/g, '')
    .normalize('NFC');
  return p === '' ? '/' : p;
}

/** Imitates obsidian.d.ts `FileStats` (ctime/mtime in ms, size in bytes). */
export interface FileStats {
  ctime: number;
  mtime: number;
  size: number;
}

/** Imitates obsidian.d.ts `TAbstractFile`: vault, path, name, parent. */
export abstract class TAbstractFile {
  /** Imitates `TAbstractFile.vault`. */ vault: Vault;
  /** Imitates `TAbstractFile.path`. */ path: string;
  /** Imitates `TAbstractFile.name`. */ name: string;
  /** Imitates `TAbstractFile.parent`. */ parent: TFolder | null = null;
  constructor(vault: Vault, path: string) {
    this.vault = vault;
    this.path = path;
    this.name = path === '/' ? '' : path.slice(path.lastIndexOf('/') + 1);
  }
}

/** Imitates obsidian.d.ts `TFile`: adds stat, basename (name without the last extension) and extension (case kept). */
export class TFile extends TAbstractFile {
  /** Imitates `TFile.stat`. */ stat: FileStats;
  /** Imitates `TFile.basename`. */ basename = '';
  /** Imitates `TFile.extension` (no dot). */ extension = '';
  constructor(vault: Vault, path: string, stat: FileStats) {
    super(vault, path);
    this.stat = stat;
    this.setNames();
  }
  /** Fake detail: recomputes basename/extension after a rename. */
  setNames(): void {
    const dot = this.name.lastIndexOf('.');
    this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
    this.extension = dot > 0 ? this.name.slice(dot + 1) : '';
  }
}

/** Imitates obsidian.d.ts `TFolder`: children and isRoot(). */
export class TFolder extends TAbstractFile {
  /** Imitates `TFolder.children`. */ children: TAbstractFile[] = [];
  /** Imitates `TFolder.isRoot()`. */
  isRoot(): boolean {
    return this.path === '/';
  }
}

/** One recorded vault write (fake-only). `op` names the Vault/Plugin method that wrote. */
export interface VaultWrite {
  /** Fake-only: the method that wrote. */ op:
    | 'create'
    | 'createBinary'
    | 'createFolder'
    | 'modify'
    | 'modifyBinary'
    | 'append'
    | 'process'
    | 'delete'
    | 'rename'
    | 'saveData';
  /** Fake-only: the written path (the new path for rename). */ path: string;
  data?: string | ArrayBuffer;
  oldPath?: string;
}

type Content = string | ArrayBuffer;
const parentPath = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '/');
const sizeOf = (c: Content): number => (typeof c === 'string' ? new TextEncoder().encode(c).length : c.byteLength);

/** Imitates obsidian.d.ts `Vault`: an in-memory vault. Events: 'create', 'modify', 'delete', 'rename'(file, oldPath). */
export class Vault extends Events {
  /** Imitates `Vault.configDir`. */
  configDir = '.obsidian';
  /** Imitates the (private) vault config read by `getConfig`; `attachmentFolderPath` defaults to '/' like Obsidian. */
  config: Record<string, unknown> = { attachmentFolderPath: '/' };
  /** Fake-only: every write, in order. */
  writes: VaultWrite[] = [];
  private files = new Map<string, TAbstractFile>();
  private contents = new Map<string, Content>();
  private root: TFolder;

  /** Builds a vault holding `files` (path → text or bytes); parent folders are implied. No 'create' events fire for them. */
  constructor(files: Record<string, Content> = {}) {
    super();
    this.root = new TFolder(this, '/');
    this.files.set('/', this.root);
    for (const [path, data] of Object.entries(files)) this.insertFile(normalizePath(path), data, true);
  }

  /** Imitates `Vault.getName()`. */
  getName(): string {
    return 'Fake vault';
  }
  /** Imitates the private-but-common `Vault.getConfig(key)`. */
  getConfig(key: string): unknown {
    return this.config[key];
  }
  /** Imitates `Vault.getRoot()`. */
  getRoot(): TFolder {
    return this.root;
  }
  /** Imitates `Vault.getAbstractFileByPath(path)`: exact, case-sensitive, after normalizePath. */
  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.files.get(normalizePath(path)) ?? null;
  }
  /** Imitates `Vault.getFileByPath(path)`: the file, or null if absent or a folder. */
  getFileByPath(path: string): TFile | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFile ? f : null;
  }
  /** Imitates `Vault.getFolderByPath(path)`. */
  getFolderByPath(path: string): TFolder | null {
    const f = this.getAbstractFileByPath(path);
    return f instanceof TFolder ? f : null;
  }
  /** Imitates `Vault.getAllLoadedFiles()` (includes the root folder). */
  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.files.values()];
  }
  /** Imitates `Vault.getFiles()`. */
  getFiles(): TFile[] {
    return [...this.files.values()].filter((f): f is TFile => f instanceof TFile);
  }
  /** Imitates `Vault.getMarkdownFiles()`: files with extension 'md'. */
  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === 'md');
  }
  /** Imitates `Vault.read(file)`: current text; rejects for a missing file. */
  async read(file: TFile): Promise<string> {
    return this.readText(file);
  }
  /** Imitates `Vault.cachedRead(file)`: same content as read in the fake (no stale cache). */
  async cachedRead(file: TFile): Promise<string> {
    return this.readText(file);
  }
  /** Imitates `Vault.readBinary(file)`. */
  async readBinary(file: TFile): Promise<ArrayBuffer> {
    const c = this.contentOf(file);
    return typeof c === 'string' ? new TextEncoder().encode(c).buffer : c.slice(0);
  }
  /** Imitates `Vault.getResourcePath(file)`: an app:// URL with the mtime as cache buster. */
  getResourcePath(file: TFile): string {
    return `app://fake-vault/${encodeURI(file.path)}?${file.stat.mtime}`;
  }

  /** Imitates `Vault.create(path, data)`: rejects if the path exists or its parent folder does not (fake is strict). Fires 'create'. */
  async create(path: string, data: string): Promise<TFile> {
    return this.createFile('create', path, data);
  }
  /** Imitates `Vault.createBinary(path, data)`: like create, for bytes. */
  async createBinary(path: string, data: ArrayBuffer): Promise<TFile> {
    return this.createFile('createBinary', path, data);
  }
  /** Imitates `Vault.createFolder(path)`: rejects if it exists; creates missing ancestors. Fires 'create'. */
  async createFolder(path: string): Promise<TFolder> {
    const p = normalizePath(path);
    if (this.files.has(p)) throw new Error('Folder already exists.');
    this.writes.push({ op: 'createFolder', path: p });
    return this.ensureFolder(p, false);
  }
  /** Imitates `Vault.modify(file, data)`: replaces the text, bumps mtime/size, fires 'modify'. */
  async modify(file: TFile, data: string): Promise<void> {
    this.write('modify', file, data);
  }
  /** Imitates `Vault.modifyBinary(file, data)`. */
  async modifyBinary(file: TFile, data: ArrayBuffer): Promise<void> {
    this.write('modifyBinary', file, data);
  }
  /** Imitates `Vault.append(file, data)`. */
  async append(file: TFile, data: string): Promise<void> {
    this.write('append', file, this.readText(file) + data);
  }
  /** Imitates `Vault.process(file, fn)`: atomically read → fn → write; resolves to the new text. */
  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    const next = fn(this.readText(file));
    this.write('process', file, next);
    return next;
  }
  /** Imitates `Vault.delete(file, force?)`: removes a file or a folder (with its children); fires 'delete' per file. */
  async delete(file: TAbstractFile): Promise<void> {
    if (this.files.get(file.path) !== file) throw new Error(`ENOENT: ${file.path}`);
    this.writes.push({ op: 'delete', path: file.path });
    this.removeTree(file);
  }
  /** Imitates `Vault.rename(file, newPath)`: moves a file/folder (no link updates); rejects if the target exists. Fires 'rename'(file, oldPath). */
  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const p = normalizePath(newPath);
    if (this.files.has(p)) throw new Error('Destination file already exists!');
    const oldPath = file.path;
    this.writes.push({ op: 'rename', path: p, oldPath });
    const parent = this.ensureFolder(parentPath(p), true);
    file.parent?.children.splice(file.parent.children.indexOf(file), 1);
    this.movePath(file, p);
    file.parent = parent;
    parent.children.push(file);
    this.trigger('rename', file, oldPath);
  }

  /** Fake-only: synchronous text of a file (null if missing) for the metadata cache's indexer. */
  peekText(file: TFile): string | null {
    return this.files.get(file.path) === file ? this.readText(file) : null;
  }

  /** Fake-only: records a plugin data.json write (Plugin.saveData goes through the adapter in Obsidian, not vault events). */
  recordDataWrite(path: string, json: string): void {
    this.writes.push({ op: 'saveData', path, data: json });
  }

  private readText(file: TFile): string {
    const c = this.contentOf(file);
    return typeof c === 'string' ? c : new TextDecoder().decode(c);
  }
  private contentOf(file: TFile): Content {
    const c = this.contents.get(file.path);
    if (c === undefined || this.files.get(file.path) !== file) throw new Error(`ENOENT: no such file '${file.path}'`);
    return c;
  }
  private write(op: VaultWrite['op'], file: TFile, data: Content): void {
    this.contentOf(file);
    this.contents.set(file.path, data);
    file.stat = { ...file.stat, mtime: Math.max(Date.now(), file.stat.mtime + 1), size: sizeOf(data) };
    this.writes.push({ op, path: file.path, data });
    this.trigger('modify', file);
  }
  private createFile(op: 'create' | 'createBinary', path: string, data: Content): TFile {
    const p = normalizePath(path);
    if (this.files.has(p)) throw new Error('File already exists.');
    if (!(this.files.get(parentPath(p)) instanceof TFolder)) throw new Error(`Folder does not exist: ${parentPath(p)}`);
    this.writes.push({ op, path: p, data });
    const file = this.insertFile(p, data, false);
    this.trigger('create', file);
    return file;
  }
  private insertFile(path: string, data: Content, silent: boolean): TFile {
    const now = Date.now();
    const file = new TFile(this, path, { ctime: now, mtime: now, size: sizeOf(data) });
    const parent = this.ensureFolder(parentPath(path), silent);
    file.parent = parent;
    parent.children.push(file);
    this.files.set(path, file);
    this.contents.set(path, data);
    return file;
  }
  private ensureFolder(path: string, silent: boolean): TFolder {
    const existing = this.files.get(path);
    if (existing instanceof TFolder) return existing;
    if (existing) throw new Error(`Not a folder: ${path}`);
    const parent = this.ensureFolder(parentPath(path), silent);
    const folder = new TFolder(this, path);
    folder.parent = parent;
    parent.children.push(folder);
    this.files.set(path, folder);
    if (!silent) this.trigger('create', folder);
    return folder;
  }
  private removeTree(file: TAbstractFile): void {
    if (file instanceof TFolder) for (const child of file.children.slice()) this.removeTree(child);
    file.parent?.children.splice(file.parent.children.indexOf(file), 1);
    this.files.delete(file.path);
    this.contents.delete(file.path);
    this.trigger('delete', file);
  }
  private movePath(file: TAbstractFile, to: string): void {
    const from = file.path;
    this.files.delete(from);
    const content = this.contents.get(from);
    this.contents.delete(from);
    file.path = to;
    file.name = to.slice(to.lastIndexOf('/') + 1);
    if (file instanceof TFile) file.setNames();
    this.files.set(to, file);
    if (content !== undefined) this.contents.set(to, content);
    if (file instanceof TFolder) for (const child of file.children) this.movePath(child, `${to}/${child.name}`);
  }
}
