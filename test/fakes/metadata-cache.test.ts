import { describe, expect, it } from 'vitest';
import { App } from './workspace';

const files = {
  'A.md': '---\ntags: [x]\n---\n# Title\n\nSee [[B]] and [[Missing]].\n',
  'folder/B.md': '## Sub\n\ntext ^blk\n',
};

describe('MetadataCache (imitates obsidian MetadataCache)', () => {
  it('indexes existing notes at startup; getCache and getFileCache agree; non-Markdown has no cache', () => {
    const app = new App({ ...files, 'x.png': new ArrayBuffer(1) });
    const a = app.vault.getFileByPath('A.md')!;
    const cache = app.metadataCache.getFileCache(a)!;
    expect(cache.headings?.map((h) => h.heading)).toEqual(['Title']);
    expect(cache.frontmatter).toMatchObject({ tags: ['x'] });
    expect(app.metadataCache.getCache('A.md')).toBe(cache);
    expect(app.metadataCache.getFileCache(app.vault.getFileByPath('x.png')!)).toBeNull();
  });

  it('re-indexes asynchronously after modify: stale until "changed" fires with (file, data, cache)', async () => {
    const app = new App(files);
    const a = app.vault.getFileByPath('A.md')!;
    const changed: unknown[][] = [];
    let resolved = 0;
    app.metadataCache.on('changed', (...args) => changed.push(args));
    app.metadataCache.on('resolved', () => resolved++);
    await app.vault.modify(a, '# New\n');
    expect(app.metadataCache.getFileCache(a)!.headings?.[0].heading).toBe('Title');
    await new Promise((r) => setTimeout(r, 0));
    expect(changed).toHaveLength(1);
    expect(changed[0][0]).toBe(a);
    expect(changed[0][1]).toBe('# New\n');
    expect(app.metadataCache.getFileCache(a)!.headings?.[0].heading).toBe('New');
    expect(resolved).toBe(1);
  });

  it('a created note has no cache until indexed; settle() waits for it', async () => {
    const app = new App(files);
    const c = await app.vault.create('C.md', '# C');
    expect(app.metadataCache.getFileCache(c)).toBeNull();
    await app.metadataCache.settle();
    expect(app.metadataCache.getFileCache(c)?.headings?.[0].heading).toBe('C');
  });

  it('fires "deleted" with the previous cache', async () => {
    const app = new App(files);
    const b = app.vault.getFileByPath('folder/B.md')!;
    const prev = app.metadataCache.getFileCache(b);
    const seen: unknown[][] = [];
    app.metadataCache.on('deleted', (...args) => seen.push(args));
    await app.vault.delete(b);
    expect(seen).toEqual([[b, prev]]);
    expect(app.metadataCache.getCache('folder/B.md')).toBeNull();
  });

  it('resolves links by name (getFirstLinkpathDest, resolvedLinks, unresolvedLinks, fileToLinktext)', async () => {
    const app = new App(files);
    const mc = app.metadataCache;
    expect(mc.getFirstLinkpathDest('B', 'A.md')?.path).toBe('folder/B.md');
    expect(mc.getFirstLinkpathDest('Nope', 'A.md')).toBeNull();
    expect(mc.resolvedLinks['A.md']).toEqual({ 'folder/B.md': 1 });
    expect(mc.unresolvedLinks['A.md']).toEqual({ Missing: 1 });
    expect(mc.fileToLinktext(app.vault.getFileByPath('folder/B.md')!, 'A.md')).toBe('B');
    await app.fileManager.renameFile(app.vault.getFileByPath('folder/B.md')!, 'folder/C.md');
    expect(mc.getCache('folder/C.md')?.headings?.[0].heading).toBe('Sub');
    expect(mc.unresolvedLinks['A.md']).toEqual({ B: 1, Missing: 1 });
  });
});
