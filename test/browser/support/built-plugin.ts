/**
 * Loads the production main.js the way Obsidian does: as CommonJS, with `require('obsidian')` answered
 * by the host (here the project's fake). Tests thereby exercise the shipped bundle, not the sources.
 */
import * as obsidian from 'obsidian';
import { server } from './server';
import type { Plugin } from '../../fakes/obsidian';

type PluginClass = new (app: never, manifest: never) => Plugin & { api: unknown; settings: unknown };

let cached: PluginClass | null = null;

/** The default export of main.js (the plugin class); also installs styles.css, as Obsidian does. */
export async function loadBuiltPlugin(): Promise<PluginClass> {
  if (cached) return cached;
  const code = await server.builtPlugin();
  const module: { exports: { default?: PluginClass } } = { exports: {} };
  const require = (id: string): unknown => {
    if (id === 'obsidian') return obsidian;
    throw new Error(`main.js required '${id}', which Obsidian does not provide`);
  };
  // Test-only: evaluating our own bundle is what Obsidian's plugin loader does with main.js.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- our own built main.js, loaded as Obsidian loads it
  const evaluate = new Function('module', 'exports', 'require', code) as (m: typeof module, e: typeof module.exports, r: typeof require) => void;
  evaluate(module, module.exports, require);
  if (!module.exports.default) throw new Error('main.js has no default export');
  // Obsidian adds a plugin's styles.css to the document when it enables the plugin.
  const style = document.head.createEl('style', { attr: { 'data-plugin': 'activation-lab' } });
  style.textContent = await server.pluginStyles();
  cached = module.exports.default;
  return cached;
}
