import { Plugin } from 'obsidian';
import { createApi, type ActivationLabApi } from './src/api';
import { BLOCK_KINDS } from './src/blocks';
import type { Settings } from './src/core/settings';
import type { Rerenderable } from './src/obsidian/block-host';
import { registerCommands } from './src/obsidian/commands';
import { HOVER_SOURCE } from './src/obsidian/context-panel';
import { currentLang } from './src/obsidian/language';
import { registerBlocks } from './src/obsidian/register-blocks';
import { loadSettings, saveSettings } from './src/obsidian/settings-store';
import { ActivationLabSettingTab } from './src/obsidian/settings-tab';

/** Activation Lab: wires settings (and their tab), block kinds, commands and the public API. No logic lives here. */
export default class ActivationLabPlugin extends Plugin {
  settings!: Settings;
  /** Public API: `app.plugins.plugins["activation-lab"].api`. */
  api: ActivationLabApi = createApi();
  private readonly liveBlocks = new Set<Rerenderable>();

  async onload(): Promise<void> {
    this.settings = await loadSettings(this);
    registerBlocks(this, BLOCK_KINDS, {
      app: this.app,
      settings: () => this.settings,
      lang: () => currentLang(this.settings.language),
      liveBlocks: this.liveBlocks,
    });
    this.addSettingTab(
      new ActivationLabSettingTab(this.app, this, {
        current: () => this.settings,
        update: (next) => this.updateSettings(next),
      }),
    );
    registerCommands(this, {
      kinds: BLOCK_KINDS,
      lang: () => currentLang(this.settings.language),
      liveBlocks: this.liveBlocks,
    });
    this.registerHoverLinkSource(HOVER_SOURCE, { display: 'Activation Lab', defaultMod: true }); // page preview of context links
  }

  /** Saves settings and re-renders open blocks so they follow at once. */
  async updateSettings(next: Settings): Promise<void> {
    this.settings = next;
    await saveSettings(this, next);
    for (const block of this.liveBlocks) block.rerender();
  }
}
