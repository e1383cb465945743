/**
 * Loads the production main.js the way Obsidian does: as CommonJS, with `require('obsidian')` answered
 * by the host (here the project's fake). Tests thereby exercise the shipped bundle, not the sources.
 */
import * as obsidian from 'obsidian';
import { server } from './server';
import type { Plugin } from '../../fakes/obsidian';
import { evaluatePluginBundle, type PluginClass as BundleClass } from '../../fakes/plugin-bundle';

type PluginClass = BundleClass<Plugin & { api: unknown; settings: unknown }>;

let cached: PluginClass | null = null;

/** The default export of main.js (the plugin class); also installs styles.css, as Obsidian does. */
export async function loadBuiltPlugin(): Promise<PluginClass> {
  if (cached) return cached;
  const code = await server.builtPlugin();
  const bundle = evaluatePluginBundle<Plugin & { api: unknown; settings: unknown }>(code, obsidian);
  // Obsidian adds a plugin's styles.css to the document when it enables the plugin.
  const style = document.head.createEl('style', { attr: { 'data-plugin': 'activation-lab' } });
  style.textContent = await server.pluginStyles();
  cached = bundle;
  return cached;
}
