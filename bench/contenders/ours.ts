/**
 * Our plugin, the real path: main.js's code as the build makes it (bench/build.mjs, served as /main.js), evaluated
 * the way Obsidian evaluates a plugin with the fake `obsidian` module (test/fakes/obsidian.ts) as its require, loaded
 * into the fake host (test/fakes/host.ts). A note is rendered with host.renderNote, so each block goes handler →
 * BlockChild → BlockShell → ChartView, and long work goes to the Worker main.js starts from its own text. Timing
 * starts at the first code-block handler call (the fake's Markdown rendering before it is not ours to measure).
 * The profile sections load the sources instead (`from: 'sources'`): they wrap the classes' prototypes.
 */
import * as obsidian from 'obsidian';
import { Plugin } from 'obsidian';
import SourcePlugin from '../../main';
import { createHost, type Host } from '../../test/fakes/host';
import type { CurveKind } from '../curves';
import { type Contender, type Prepared } from './types';

/** When the first code-block handler ran since the last reset (performance.now()). */
let firstHandlerCall: number | null = null;
/** Time spent inside code-block handlers since the last reset: each block's synchronous build (BlockChild.onload). */
let handlerMs = 0;

/** What the handlers cost since the last renderTimed (ms). */
export function handlersMs(): number {
  return handlerMs;
}

// Wrap every code-block handler the plugin registers, to learn when Obsidian would hand it a block.
type Register = Plugin['registerMarkdownCodeBlockProcessor'];
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
const register: Register = Plugin.prototype.registerMarkdownCodeBlockProcessor;
Plugin.prototype.registerMarkdownCodeBlockProcessor = function (this: Plugin, language, handler, sortOrder) {
  return register.call(
    this,
    language,
    (source, el, ctx) => {
      const t0 = performance.now();
      firstHandlerCall ??= t0;
      try {
        return handler(source, el, ctx);
      } finally {
        handlerMs += performance.now() - t0;
      }
    },
    sortOrder,
  );
};

/** The body of one block of `kind`. */
const BLOCK: Record<CurveKind, string> = {
  sigmoid: '```activation\nfunctions: Sigmoid\n```\n',
  leaky: '```activation\nfunctions: LeakyReLU\n```\n',
};

/** A note of `count` blocks of `kind`. */
export function noteOf(kind: CurveKind, count: number): string {
  return Array.from({ length: count }, () => BLOCK[kind]).join('\n');
}

type PluginClass = typeof SourcePlugin;
type Loader = (
  module: { exports: { default?: PluginClass } },
  exports: object,
  require: (id: string) => unknown,
) => void;

let bundled: PluginClass | null = null;
/** main.js's plugin class, evaluated once (after probe.ts wrapped requestAnimationFrame, like every library here). */
function bundledPlugin(): PluginClass {
  if (bundled) return bundled;
  const load = (window as unknown as { __activationLabMain?: Loader }).__activationLabMain;
  if (!load) throw new Error('bench: /main.js did not load');
  const module: { exports: { default?: PluginClass } } = { exports: {} };
  load(module, module.exports, (id) => {
    if (id === 'obsidian') return obsidian;
    throw new Error(`main.js required '${id}'`);
  });
  if (!module.exports.default) throw new Error('bench: main.js has no default export');
  return (bundled = module.exports.default);
}

/**
 * A host with the plugin loaded and `note` saved as bench.md; `lazy` is the plugin's lazy-drawing setting.
 * `from`: main.js as built (default), or the sources bundled into the page (for prototype wrapping); `otherNotes`
 * are saved beside it (path → text).
 */
export async function openHost(
  note: string,
  lazy: boolean,
  from: 'main.js' | 'sources' = 'main.js',
  otherNotes: Record<string, string> = {},
): Promise<Host> {
  const host = createHost({
    files: { ...otherNotes, 'bench.md': note },
    pluginData: { 'activation-lab': JSON.stringify({ lazy }) },
  });
  await host.loadPlugin(from === 'main.js' ? bundledPlugin() : SourcePlugin);
  return host;
}

/** Renders bench.md of `host` into a new container in `stage`; resolves with the first handler call's time. */
export async function renderTimed(host: Host, container: HTMLElement): Promise<number> {
  firstHandlerCall = null;
  handlerMs = 0;
  await host.renderNote('bench.md', container);
  if (firstHandlerCall === null) throw new Error('bench: no code-block handler ran');
  return firstHandlerCall;
}

/**
 * Moves the first range input under `root` to `value` as a user would: a dragged range input has
 * focus (pointerdown focuses it), then each move is an `input` event.
 */
export function moveSlider(root: HTMLElement, value: number): void {
  const input = root.querySelector<HTMLInputElement>('input[type=range]');
  if (!input) throw new Error('bench: no slider');
  if (document.activeElement !== input) input.focus({ preventScroll: true });
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Our plugin, through the fake Obsidian host. */
export const ours: Contender = {
  id: 'ours',
  label: 'ours',
  drawsInFrame: false,
  updatesInFrame: true,
  async prepare(stage, count, kind, lazy): Promise<Prepared> {
    const host = await openHost(noteOf(kind, count), lazy);
    const container = stage.createDiv();
    return {
      draw: () => renderTimed(host, container),
      canvases: () => Array.from(container.querySelectorAll('canvas')),
      setParam: (value) => moveSlider(container, value),
      dispose() {
        host.dispose();
        container.remove();
      },
    };
  },
};
