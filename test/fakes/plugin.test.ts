import { afterEach, describe, expect, it } from 'vitest';
import { Plugin } from './plugin';
import { App } from './workspace';

const manifest = { id: 'demo', name: 'Demo', version: '1.0.0', minAppVersion: '1.0.0', author: '', description: '' };
const loaded: Plugin[] = [];
const start = (app: App): Plugin => {
  const p = new Plugin(app, manifest);
  p.load();
  loaded.push(p);
  return p;
};
afterEach(() => {
  for (const p of loaded.splice(0)) p.unload();
});

describe('Plugin (imitates obsidian Plugin)', () => {
  it('loadData is null before any save; saveData round-trips through JSON and is recorded as a write', async () => {
    const app = new App({});
    const p = start(app);
    expect(await p.loadData()).toBeNull();
    await p.saveData({ a: 1, skip: undefined, nested: { b: [1, 2] } });
    const again = start(app);
    expect(await again.loadData()).toEqual({ a: 1, nested: { b: [1, 2] } });
    expect(app.vault.writes).toEqual([
      { op: 'saveData', path: '.obsidian/plugins/demo/data.json', data: expect.any(String) as unknown },
    ]);
    expect(p.dataCalls.map((c) => c.op)).toEqual(['load', 'save']);
  });

  it('addCommand stores `${id}:${command}` with a prefixed name, runnable, removed on unload', () => {
    const app = new App({});
    const p = start(app);
    let ran = 0;
    const cmd = p.addCommand({ id: 'go', name: 'Go', callback: () => ran++ });
    expect(cmd).toMatchObject({ id: 'demo:go', name: 'Demo: Go' });
    expect(app.commands.executeCommandById('demo:go')).toBe(true);
    expect(ran).toBe(1);
    p.unload();
    expect(app.commands.commands['demo:go']).toBeUndefined();
  });

  it('checkCallback is asked first and only runs when it returns true', () => {
    const app = new App({});
    const p = start(app);
    const calls: boolean[] = [];
    p.addCommand({
      id: 'c',
      name: 'C',
      checkCallback: (checking) => {
        calls.push(checking);
        return false;
      },
    });
    expect(app.commands.executeCommandById('demo:c')).toBe(false);
    expect(calls).toEqual([true]);
  });

  it('registerMarkdownCodeBlockProcessor: one owner per language, freed on unload', () => {
    const app = new App({});
    const p = start(app);
    p.registerMarkdownCodeBlockProcessor('lang-x', () => {});
    expect(() => p.registerMarkdownCodeBlockProcessor('lang-x', () => {})).toThrow('existing codeblock');
    p.unload();
    const q = start(app);
    expect(() => q.registerMarkdownCodeBlockProcessor('lang-x', () => {})).not.toThrow();
  });

  it('registerHoverLinkSource is visible on the workspace until unload', () => {
    const app = new App({});
    const p = start(app);
    p.registerHoverLinkSource('demo', { display: 'Demo', defaultMod: true });
    expect(app.workspace.hoverLinkSources.demo).toEqual({ display: 'Demo', defaultMod: true });
    p.unload();
    expect(app.workspace.hoverLinkSources.demo).toBeUndefined();
  });
});
