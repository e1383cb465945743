/** A fake Obsidian running the built main.js, for tests of the plugin's Obsidian-facing parts. */
import { vi } from 'vitest';
import { createHost, type Host, type HostOptions } from '../../fakes/host';
import type { Component, MarkdownView } from '../../fakes/obsidian';
import { loadBuiltPlugin } from './built-plugin';
import { server } from './server';
import type { Settings } from '../../../src/core/settings';

/** The built plugin instance as tests see it. */
export interface LoadedPlugin {
  settings: Settings;
  updateSettings(next: Settings): Promise<void>;
  api: { activation(name: string): { f(x: number): number; df(x: number): number } };
  dataCalls: { op: 'load' | 'save'; data: unknown }[];
}

/** A host with the built plugin loaded and the light theme on. */
export async function startPlugin(options: HostOptions): Promise<{ host: Host; plugin: LoadedPlugin }> {
  const host = createHost(options);
  const Plugin = await loadBuiltPlugin();
  const plugin = (await host.loadPlugin(Plugin as never)) as unknown as LoadedPlugin;
  host.setTheme('light');
  return { host, plugin };
}

/** Renders `path` in Reading view into a 700 px wide container attached to the page. */
export async function showNote(host: Host, path: string): Promise<{ root: HTMLElement; view: Component }> {
  const root = document.body.createDiv();
  root.style.width = '700px';
  const view = await host.renderNote(path, root);
  return { root, view };
}

/** Opens `path` as the active editor (source mode), cursor at the start. */
export function openEditor(host: Host, path: string): MarkdownView {
  const file = host.app.vault.getFileByPath(path);
  if (!file) throw new Error(`no note ${path}`);
  return host.app.workspace.openFile(file);
}

/** Waits until `root` holds `count` drawn canvases; returns them. */
export async function drawnCanvases(root: HTMLElement, count = 1): Promise<HTMLCanvasElement[]> {
  return vi.waitFor(
    () => {
      const all = [...root.querySelectorAll('canvas')];
      if (all.length < count) throw new Error(`${all.length} of ${count} canvases drawn`);
      return all;
    },
    { timeout: 5000 },
  );
}

/** Unloads a rendered note and its plugin host, as closing the note and disabling the plugin would, and empties the page. */
export function teardown(view: Component | null, host: Host | null): void {
  view?.unload();
  host?.dispose();
  document.body.replaceChildren();
}

/**
 * The harness most block tests share: the seed vault is read once, each `render(note)` saves `note` as
 * `demo.md` beside it and shows it through the built plugin, and `cleanup()` (call it in afterEach) unloads
 * the view and the host and empties the page.
 */
export function blockHarness(vaultName = 'seed', notePath = 'demo.md') {
  let vault: Record<string, string> | null = null;
  let host: Host | null = null;
  let view: Component | null = null;
  return {
    get host(): Host {
      if (!host) throw new Error('render() first');
      return host;
    },
    async render(note: string, options: Omit<HostOptions, 'files'> = {}): Promise<HTMLElement> {
      vault ??= await server.readVault(vaultName);
      ({ host } = await startPlugin({ ...options, files: { ...vault, [notePath]: note } }));
      const shown = await showNote(host, notePath);
      view = shown.view;
      return shown.root;
    },
    /** Unloads what render() started, as closing the note and disabling the plugin would. */
    cleanup(): void {
      teardown(view, host);
      view = null;
      host = null;
    },
  };
}
