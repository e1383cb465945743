/**
 * Imitates obsidian.d.ts `Plugin` (and the app-level command registry behind `addCommand`).
 * Every registration is undone when the plugin unloads, as in Obsidian.
 */
import type { Command, HoverLinkSource, MarkdownPostProcessor, PluginManifest } from 'obsidian';
import { Component } from './component';
import { createElIn, hasDom, setIcon } from './dom';
import { MarkdownPreviewRenderer, type CodeBlockHandler } from './post-processors';
import type { App } from './workspace';

/** Imitates Obsidian's (private) `app.commands`: the global command list keyed by full id `${pluginId}:${id}`. */
export class CommandRegistry {
  /** Imitates `app.commands.commands`. */
  commands: Record<string, Command> = {};

  /** Imitates `app.commands.executeCommandById(id)`: runs checkCallback(false) / callback; false if unknown or not runnable. Editor callbacks need an active MarkdownView (see Workspace). */
  executeCommandById(id: string, app?: App): boolean {
    const cmd = this.commands[id];
    if (!cmd) return false;
    if (cmd.checkCallback) return cmd.checkCallback(true) ? (cmd.checkCallback(false), true) : false;
    if (cmd.callback) {
      cmd.callback();
      return true;
    }
    const view = app?.workspace.getActiveMarkdownView();
    if (!view) return false;
    if (cmd.editorCheckCallback)
      return cmd.editorCheckCallback(true, view.editor as never, view as never)
        ? (cmd.editorCheckCallback(false, view.editor as never, view as never), true)
        : false;
    if (cmd.editorCallback) {
      cmd.editorCallback(view.editor as never, view as never);
      return true;
    }
    return false;
  }
}

/** Imitates obsidian.d.ts `Plugin`. Fake-only records: settingTabs, ribbonIcons, statusBarItems, dataCalls. */
export class Plugin extends Component {
  /** Imitates `Plugin.app`. */
  app: App;
  /** Imitates `Plugin.manifest`. */
  manifest: PluginManifest;
  /** Fake-only: tabs passed to addSettingTab (Obsidian keeps them in the settings modal). */
  settingTabs: { display(): void; hide(): void; containerEl: HTMLElement }[] = [];
  /** Fake-only: elements returned by addRibbonIcon. */
  ribbonIcons: HTMLElement[] = [];
  /** Fake-only: elements returned by addStatusBarItem. */
  statusBarItems: HTMLElement[] = [];
  /** Fake-only: every loadData/saveData call in order. */
  dataCalls: { op: 'load' | 'save'; data: unknown }[] = [];

  /** Imitates `new Plugin(app, manifest)`. */
  constructor(app: App, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  /** Imitates `Plugin.onload()`: may be async; hosts await `loadPromise`. */
  onload(): Promise<void> | void {}

  /** Imitates `Plugin.addRibbonIcon(icon, title, callback)`: a clickable `div.side-dock-ribbon-action`, removed on unload. */
  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = createElIn(hasDom() ? this.app.workspace.leftRibbonEl : null, 'div', {
      cls: ['side-dock-ribbon-action', 'clickable-icon'],
      attr: { 'aria-label': title },
    });
    setIcon(el, icon);
    el.addEventListener('click', callback);
    this.ribbonIcons.push(el);
    this.register(() => el.remove());
    return el;
  }

  /** Imitates `Plugin.addStatusBarItem()`: a `div.status-bar-item`, removed on unload. */
  addStatusBarItem(): HTMLElement {
    const el = createElIn(null, 'div', { cls: ['status-bar-item', `plugin-${this.manifest.id}`] });
    this.statusBarItems.push(el);
    this.register(() => el.remove());
    return el;
  }

  /** Imitates `Plugin.addCommand(command)`: stored under `${manifest.id}:${id}`, name prefixed with the plugin name; removed on unload. */
  addCommand(command: Command): Command {
    const full: Command = {
      ...command,
      id: `${this.manifest.id}:${command.id}`,
      name: `${this.manifest.name}: ${command.name}`,
    };
    this.app.commands.commands[full.id] = full;
    this.register(() => delete this.app.commands.commands[full.id]);
    return full;
  }

  /** Imitates `Plugin.removeCommand(commandId)` (id without the plugin prefix). */
  removeCommand(commandId: string): void {
    delete this.app.commands.commands[`${this.manifest.id}:${commandId}`];
  }

  /** Imitates `Plugin.addSettingTab(tab)`: kept until unload (open it with host.openSettingTab). */
  addSettingTab(settingTab: { display(): void; hide(): void; containerEl: HTMLElement }): void {
    this.settingTabs.push(settingTab);
    this.register(() => this.settingTabs.splice(this.settingTabs.indexOf(settingTab), 1));
  }

  /** Imitates `Plugin.registerHoverLinkSource(id, info)`: stored in workspace.hoverLinkSources until unload. */
  registerHoverLinkSource(id: string, info: HoverLinkSource): void {
    this.app.workspace.hoverLinkSources[id] = info;
    this.register(() => delete this.app.workspace.hoverLinkSources[id]);
  }

  /** Imitates `Plugin.registerMarkdownPostProcessor(pp, sortOrder?)`: runs on every rendered section until unload. */
  registerMarkdownPostProcessor(postProcessor: MarkdownPostProcessor, sortOrder?: number): MarkdownPostProcessor {
    MarkdownPreviewRenderer.registerPostProcessor(postProcessor, sortOrder);
    this.register(() => MarkdownPreviewRenderer.unregisterPostProcessor(postProcessor));
    return postProcessor;
  }

  /** Imitates `Plugin.registerMarkdownCodeBlockProcessor(language, handler, sortOrder?)`: throws if the language is already registered (by anyone). */
  registerMarkdownCodeBlockProcessor(
    language: string,
    handler: CodeBlockHandler,
    sortOrder?: number,
  ): MarkdownPostProcessor {
    const pp = MarkdownPreviewRenderer.createCodeBlockPostProcessor(language, handler);
    this.register(() => MarkdownPreviewRenderer.releaseCodeBlockLanguage(language));
    return this.registerMarkdownPostProcessor(pp, sortOrder);
  }

  /** Imitates `Plugin.loadData()`: the parsed data.json, or null if never saved. */
  async loadData(): Promise<unknown> {
    const json = this.app.pluginData.get(this.manifest.id);
    const data = json === undefined ? null : (JSON.parse(json) as unknown);
    this.dataCalls.push({ op: 'load', data });
    return data;
  }

  /** Imitates `Plugin.saveData(data)`: JSON-serialises (so undefined/functions vanish, like data.json) and records the write. */
  async saveData(data: unknown): Promise<void> {
    const json = JSON.stringify(data, null, 2);
    this.dataCalls.push({ op: 'save', data: JSON.parse(json) as unknown });
    this.app.pluginData.set(this.manifest.id, json);
    const dir = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
    this.app.vault.recordDataWrite(`${dir}/data.json`, json);
  }

  /** Imitates `Plugin.onUserEnable()`: override; the fake never calls it. */
  onUserEnable(): void {}
}
