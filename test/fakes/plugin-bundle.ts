/**
 * Runs a plugin's main.js the way Obsidian's plugin loader does: as CommonJS, with `require('obsidian')`
 * answered by the host (here the project's fake) and nothing else available. Used by the browser tests
 * and the demo page, so both exercise the shipped bundle rather than the sources.
 */

/** The default export of a plugin bundle: its Plugin subclass. */
export type PluginClass<P = unknown> = new (app: never, manifest: never) => P;

/** Evaluates `code` (our own built main.js) and returns its default export. */
export function evaluatePluginBundle<P>(code: string, obsidianModule: unknown): PluginClass<P> {
  const module: { exports: { default?: PluginClass<P> } } = { exports: {} };
  const require = (id: string): unknown => {
    if (id === 'obsidian') return obsidianModule;
    throw new Error(`main.js required '${id}', which Obsidian does not provide`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- our own built main.js, loaded as Obsidian loads it
  const evaluate = new Function('module', 'exports', 'require', code) as (
    m: typeof module,
    e: typeof module.exports,
    r: typeof require,
  ) => void;
  evaluate(module, module.exports, require);
  if (!module.exports.default) throw new Error('main.js has no default export');
  return module.exports.default;
}
