import { describe, expect, it } from 'vitest';
import { App } from './workspace';
import { normalizePath, TAbstractFile, TFile, TFolder, Vault } from './vault';

const events = (vault: Vault): string[] => {
  const log: string[] = [];
  for (const name of ['create', 'modify', 'delete', 'rename'])
    vault.on(name, (f, old) =>
      log.push(
        `${name} ${f instanceof TAbstractFile ? f.path : String(f)}${typeof old === 'string' ? ` <- ${old}` : ''}`,
      ),
    );
  return log;
};

describe('normalizePath (imitates obsidian normalizePath)', () => {
  it('collapses and trims slashes, converts backslashes and NBSP, maps empty to /', () => {
    expect(normalizePath('//a\\\\b//c.md/')).toBe('a/b/c.md');
    expect(normalizePath('a\u00A0b')).toBe('a b');
    expect(normalizePath('')).toBe('/');
  });
});

describe('Vault (imitates obsidian Vault)', () => {
  it('builds files and implied folders, with TFile name/basename/extension/parent', () => {
    const vault = new Vault({ 'notes/sub/a.b.md': 'x', 'top.png': new ArrayBuffer(3) });
    const f = vault.getFileByPath('notes/sub/a.b.md')!;
    expect([f.name, f.basename, f.extension, f.parent?.path, f.stat.size]).toEqual([
      'a.b.md',
      'a.b',
      'md',
      'notes/sub',
      1,
    ]);
    expect(vault.getAbstractFileByPath('notes')).toBeInstanceOf(TFolder);
    expect(vault.getRoot().isRoot()).toBe(true);
    expect(vault.getMarkdownFiles().map((x) => x.path)).toEqual(['notes/sub/a.b.md']);
    expect(vault.getFiles()).toHaveLength(2);
    expect(vault.getFileByPath('notes')).toBeNull();
    expect(vault.writes).toEqual([]);
  });

  it('records every write in order and fires the matching events', async () => {
    const vault = new Vault({ 'a.md': 'one', 'dir/b.md': 'two' });
    const log = events(vault);
    const a = vault.getFileByPath('a.md')!;
    await vault.modify(a, 'uno');
    expect(await vault.process(a, (s) => s + '!')).toBe('uno!');
    const c = await vault.create('dir/c.md', 'new');
    await vault.createBinary('img.png', new Uint8Array([1, 2]).buffer);
    await vault.rename(c, 'dir/d.md');
    await vault.delete(vault.getFileByPath('dir/b.md')!);
    expect(vault.writes.map((w) => `${w.op} ${w.path}`)).toEqual([
      'modify a.md',
      'process a.md',
      'create dir/c.md',
      'createBinary img.png',
      'rename dir/d.md',
      'delete dir/b.md',
    ]);
    expect(log).toEqual([
      'modify a.md',
      'modify a.md',
      'create dir/c.md',
      'create img.png',
      'rename dir/d.md <- dir/c.md',
      'delete dir/b.md',
    ]);
    expect(await vault.read(a)).toBe('uno!');
    expect([c.path, c.basename, c.parent?.path]).toEqual(['dir/d.md', 'd', 'dir']);
    expect(await vault.cachedRead(c)).toBe('new');
  });

  it('reads never write; create rejects existing paths and missing folders; deleted files cannot be read', async () => {
    const vault = new Vault({ 'a.md': 'x' });
    const a = vault.getFileByPath('a.md')!;
    await vault.read(a);
    await vault.cachedRead(a);
    expect(vault.writes).toEqual([]);
    await expect(vault.create('a.md', '')).rejects.toThrow('already exists');
    await expect(vault.create('missing/b.md', '')).rejects.toThrow('Folder does not exist');
    await vault.delete(a);
    await expect(vault.read(a)).rejects.toThrow('ENOENT');
    await expect(vault.modify(a, 'y')).rejects.toThrow('ENOENT');
  });

  it('renaming a folder moves its children', async () => {
    const vault = new Vault({ 'x/y/z.md': 'z' });
    await vault.rename(vault.getAbstractFileByPath('x')!, 'w');
    expect(vault.getFileByPath('w/y/z.md')).toBeInstanceOf(TFile);
    expect(await vault.read(vault.getFileByPath('w/y/z.md')!)).toBe('z');
    expect(vault.getAbstractFileByPath('x/y/z.md')).toBeNull();
  });
});

describe('FileManager (imitates obsidian FileManager)', () => {
  it('getAvailablePathForAttachment honours the attachment folder setting and dedupes', async () => {
    const app = new App({ 'notes/n.md': '', 'image.png': new ArrayBuffer(1) });
    const fm = app.fileManager;
    expect(await fm.getAvailablePathForAttachment('image.png', 'notes/n.md')).toBe('image 1.png');
    app.vault.config.attachmentFolderPath = './';
    expect(await fm.getAvailablePathForAttachment('image.png', 'notes/n.md')).toBe('notes/image.png');
    app.vault.config.attachmentFolderPath = './assets';
    expect(await fm.getAvailablePathForAttachment('image.png', 'notes/n.md')).toBe('notes/assets/image.png');
    app.vault.config.attachmentFolderPath = 'Attachments';
    expect(await fm.getAvailablePathForAttachment('plot.svg', 'notes/n.md')).toBe('Attachments/plot.svg');
    expect(app.vault.writes.map((w) => `${w.op} ${w.path}`)).toEqual([
      'createFolder notes/assets',
      'createFolder Attachments',
    ]);
  });

  it('renameFile goes through the vault (recorded, rename event)', async () => {
    const app = new App({ 'a.md': '' });
    const seen: string[] = [];
    app.vault.on('rename', (_f, old) => seen.push(old as string));
    await app.fileManager.renameFile(app.vault.getFileByPath('a.md')!, 'b.md');
    expect(seen).toEqual(['a.md']);
    expect(app.vault.writes).toEqual([{ op: 'rename', path: 'b.md', oldPath: 'a.md' }]);
  });
});
