/**
 * Test/demo/benchmark host: builds a fake App from a plain object of files, loads a plugin the way
 * Obsidian does at startup (onload awaited, then layout ready), renders notes in Reading view style
 * and switches the light/dark theme with Obsidian's default CSS variables.
 */
import type { PluginManifest } from 'obsidian';
import type { Component } from './component';
import { setApiVersion, setLanguage } from './functions';
import type { Plugin } from './plugin';
import { App } from './workspace';
import type { VaultWrite } from './vault';
import { HOST_FONT, HOST_MONO } from './webfonts';

/** Options for createHost. `language`/`apiVersion` set the (global) getLanguage()/apiVersion; defaults 'en' / '1.13.1'. */
export interface HostOptions {
  files: Record<string, string | ArrayBuffer>;
  language?: string;
  apiVersion?: string;
  /** Vault setting "Default location for new attachments": '/', './', './sub' or a folder; default '/'. */
  attachmentFolderPath?: string;
  /** Initial data.json text per plugin id. */
  pluginData?: Record<string, string>;
}

/** A running fake Obsidian (see createHost). */
export interface Host {
  app: App;
  /** Every vault write (and plugin data.json save) so far — same array as app.vault.writes. */
  readonly writes: VaultWrite[];
  /** Constructs and loads a plugin class (typed against the real obsidian.d.ts or the fake); resolves after its onload. */
  loadPlugin<P extends object>(
    PluginClass: new (app: never, manifest: PluginManifest) => P,
    manifest?: Partial<PluginManifest>,
  ): Promise<P>;
  /** Opens the note as the active MarkdownView in Reading mode, renders it into `container`; resolves when processors finish. */
  renderNote(path: string, container: HTMLElement): Promise<Component>;
  /** Switches body.theme-light/theme-dark, sets THEME_VARIABLES on body, triggers workspace 'css-change'. */
  setTheme(theme: 'light' | 'dark'): void;
  /** Attaches the plugin's index-th setting tab to body and calls display(). */
  openSettingTab(plugin: object, index?: number): { display(): void; hide(): void; containerEl: HTMLElement };
  /** Runs a command by full id (`${manifest.id}:${id}`) like the command palette. */
  runCommand(fullId: string): boolean;
  /** Unloads every loaded plugin (last first) and the active view; frees global processor registrations. */
  dispose(): void;
}

/** The manifest used when loadPlugin is given none (fields may be overridden one by one). */
export const DEFAULT_MANIFEST: PluginManifest = {
  id: 'activation-lab',
  name: 'Activation Lab',
  version: '0.0.0',
  minAppVersion: '1.4.0',
  author: 'Activation Lab developers',
  description: 'Test build',
};

const FONT = HOST_FONT;
const MONO = HOST_MONO;
const COMMON = {
  '--font-interface': FONT,
  '--font-text': FONT,
  '--font-monospace': MONO,
  '--font-ui-small': '13px',
  '--font-ui-medium': '15px',
  '--font-text-size': '16px',
  '--interactive-accent': 'hsl(258, 88%, 66%)',
  '--text-on-accent': '#ffffff',
  '--radius-s': '4px',
  '--radius-m': '8px',
};

/** Obsidian 1.x default-theme values of the variables the plugin reads, per theme. */
export const THEME_VARIABLES: Record<'light' | 'dark', Record<string, string>> = {
  light: {
    ...COMMON,
    '--background-primary': '#ffffff',
    '--background-primary-alt': '#fafafa',
    '--background-secondary': '#f6f6f6',
    '--background-modifier-border': '#e0e0e0',
    '--text-normal': '#222222',
    '--text-muted': '#5c5c5c',
    '--text-faint': '#ababab',
    '--text-accent': 'hsl(258, 88%, 66%)',
    '--text-error': '#e93147',
    '--color-red': '#e93147',
    '--color-orange': '#ec7500',
    '--color-yellow': '#e0ac00',
    '--color-green': '#08b94e',
    '--color-cyan': '#00bfbc',
    '--color-blue': '#086ddd',
    '--color-purple': '#7852ee',
    '--color-pink': '#d53984',
  },
  dark: {
    ...COMMON,
    '--background-primary': '#1e1e1e',
    '--background-primary-alt': '#242424',
    '--background-secondary': '#262626',
    '--background-modifier-border': '#363636',
    '--text-normal': '#dadada',
    '--text-muted': '#b3b3b3',
    '--text-faint': '#666666',
    '--text-accent': 'hsl(258, 88%, 66%)',
    '--text-error': '#fb464c',
    '--color-red': '#fb464c',
    '--color-orange': '#e9973f',
    '--color-yellow': '#e0de71',
    '--color-green': '#44cf6e',
    '--color-cyan': '#53dfdd',
    '--color-blue': '#027aff',
    '--color-purple': '#a882ff',
    '--color-pink': '#fa99cd',
  },
};

/** Builds a fake Obsidian around `files`. The layout becomes ready after the first loadPlugin (as at app startup). */
export function createHost(options: HostOptions): Host {
  setLanguage(options.language ?? 'en');
  setApiVersion(options.apiVersion ?? '1.13.1');
  const app = new App(options.files);
  if (options.attachmentFolderPath !== undefined) app.vault.config.attachmentFolderPath = options.attachmentFolderPath;
  for (const [id, json] of Object.entries(options.pluginData ?? {})) app.pluginData.set(id, json);
  const plugins: Plugin[] = [];
  return {
    app,
    get writes() {
      return app.vault.writes;
    },
    async loadPlugin(PluginClass, manifest) {
      const instance = new PluginClass(app as never, { ...DEFAULT_MANIFEST, ...manifest });
      const plugin = instance as unknown as Plugin;
      plugins.push(plugin);
      plugin.load();
      await plugin.loadPromise;
      app.workspace.setLayoutReady();
      return instance;
    },
    async renderNote(path, container) {
      const file = app.vault.getFileByPath(path);
      if (!file) throw new Error(`No such note: ${path}`);
      const view = app.workspace.openFile(file);
      view.mode = 'preview';
      container.appendChild(view.previewMode.containerEl);
      await view.previewMode.render();
      return view.previewMode;
    },
    setTheme(theme) {
      document.body.classList.toggle('theme-light', theme === 'light');
      document.body.classList.toggle('theme-dark', theme === 'dark');
      for (const [name, value] of Object.entries(THEME_VARIABLES[theme])) document.body.style.setProperty(name, value);
      app.workspace.trigger('css-change');
    },
    openSettingTab(instance, index = 0) {
      const plugin = instance as Plugin;
      const tab = plugin.settingTabs[index];
      if (!tab) throw new Error(`${plugin.manifest.id} has no setting tab #${index}`);
      document.body.appendChild(tab.containerEl);
      tab.display();
      return tab;
    },
    runCommand: (fullId) => app.commands.executeCommandById(fullId, app),
    dispose() {
      for (const p of plugins.splice(0).reverse()) p.unload();
      app.workspace.getActiveMarkdownView()?.unload();
    },
  };
}
