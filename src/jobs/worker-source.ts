/**
 * The worker's source: main.js's own text. The build wraps the whole bundle in `function activationLabBundle(require,
 * module, exports) { … }` (esbuild.config.mjs), so the worker runs the very functions the main thread runs, with no
 * second copy of the engines in main.js; a small prelude answers `require('obsidian')` with inert stand-ins (the
 * worker never draws) and, once the bundle has run, starts the job host instead of a plugin.
 */

/** Declared by the build's wrapper; absent where the sources run unbundled (tests in Node, the bench page). */
declare const activationLabBundle: ((require: unknown, module: unknown, exports: unknown) => void) | undefined;

/** Any member of the stand-in `obsidian` module is a function: extendable (`class … extends Plugin`) and callable. */
const PRELUDE = [
  'var module = { exports: {} };',
  'function require() { return new Proxy({}, { get: function () { return function () {}; } }); }',
].join('\n');

/** The worker's source text, or null when main.js is not wrapped (then jobs run on the main thread). */
export function workerSource(): string | null {
  if (typeof activationLabBundle !== 'function') return null;
  const text = Function.prototype.toString.call(activationLabBundle);
  if (!text.startsWith('function activationLabBundle(')) return null;
  return workerSourceOf(`${text}\nactivationLabBundle(require, module, module.exports);`);
}

/**
 * A worker's source that runs `script` after the prelude, then serves jobs: `script` must leave main.js's exports
 * in `module.exports` (the bench runs the plugin's main.js as loaded into its page this way).
 */
export function workerSourceOf(script: string): string {
  return `${PRELUDE}\n${script}\nmodule.exports.serveJobsInWorker(self);\n`;
}
