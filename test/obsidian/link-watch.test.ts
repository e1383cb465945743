/** LinkWatch over the Obsidian fake: only events about notes the block read, one debounced batch, nothing left on unload. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, Component } from '../fakes/obsidian';
import type { App as ObsidianApp, Component as ObsidianComponent, TFile } from 'obsidian';
import { LinkWatch, WATCH_DELAY_MS, type LinkChanges } from '../../src/obsidian/link-watch';

let app: App;
let owner: Component;
let batches: LinkChanges[];

const file = (path: string): TFile => app.vault.getFileByPath(path) as unknown as TFile;
const counts = () => [
  app.metadataCache.listenerCount('changed'),
  app.vault.listenerCount('rename'),
  app.vault.listenerCount('delete'),
];

beforeEach(() => {
  vi.useFakeTimers();
  app = new App({ 'A.md': '# A', 'B.md': '# B', 'Deep/C.md': '# C', 'Other.md': '# O' });
  owner = new Component();
  owner.load();
  batches = [];
});

afterEach(() => {
  owner.unload();
  vi.useRealTimers();
});

function watch(read: string[], missing: string[] = []): LinkWatch {
  const w = new LinkWatch(owner as unknown as ObsidianComponent, app as unknown as ObsidianApp, (c) => batches.push(c));
  w.track(read, missing);
  return w;
}

describe('LinkWatch', () => {
  it('reports a change of a read note once per burst, after the debounce', async () => {
    watch(['A.md']);
    await app.vault.modify(file('A.md') as never, '# A2');
    await app.vault.modify(file('A.md') as never, '# A3');
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(WATCH_DELAY_MS);
    expect(batches).toEqual([{ paths: new Set(['A.md']), renames: new Map() }]);
  });

  it('ignores notes the block did not read', async () => {
    watch(['A.md']);
    await app.vault.modify(file('Other.md') as never, 'x');
    await app.vault.rename(file('B.md') as never, 'B2.md');
    await app.vault.delete(file('Deep/C.md') as never);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toEqual([]);
  });

  it('reports renames (also of a folder holding a read note) and deletions', async () => {
    watch(['A.md', 'Deep/C.md', 'B.md']);
    await app.vault.rename(file('A.md') as never, 'New A.md');
    await app.vault.rename(app.vault.getFolderByPath('Deep') as never, 'Deeper');
    await app.vault.delete(file('B.md') as never);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toHaveLength(1);
    expect(batches[0].renames).toEqual(
      new Map([
        ['A.md', 'New A.md'],
        ['Deep/C.md', 'Deeper/C.md'],
      ]),
    );
    expect([...batches[0].paths].sort()).toEqual(['A.md', 'B.md', 'Deep/C.md']);
  });

  it('notices a missing note being created, by name or by path', async () => {
    watch([], ['Later', 'sub/Later Too']);
    await app.vault.create('Unrelated.md', 'x');
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toEqual([]);
    await app.vault.create('Deep/later.md', 'x');
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches.map((b) => [...b.paths])).toEqual([['Deep/later.md']]);
  });

  it('removes its event handlers and pending timer when the owner unloads', async () => {
    const before = counts();
    watch(['A.md']);
    expect(counts()).toEqual(before.map((n) => n + 1));
    await app.vault.modify(file('A.md') as never, 'changed');
    await vi.advanceTimersByTimeAsync(1);
    owner.unload();
    expect(counts()).toEqual(before);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toEqual([]);
  });
});
