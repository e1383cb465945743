/**
 * The page `npm run budgets` drives in Chromium: the BUILT main.js on the project's Obsidian host, with counters
 * on canvases, Chart.js contexts, vault reads, observers, listeners and intervals. Each measurement is a
 * function on `window.__budgets` returning plain figures; scripts/budgets.mjs prints them and judges them.
 */
import * as obsidian from 'obsidian';
import { BLOCK_KINDS } from '../src/blocks';
import { createHost, DEFAULT_MANIFEST, type Host } from '../test/fakes/host';
import type { Plugin } from '../test/fakes/obsidian';
import { installInstrumentation, liveCounts } from '../test/browser/support/instrument';
import { fenced } from '../test/hostile/payloads';
import { sampleBlock } from '../test/hostile/vocabulary';

type PluginClass = new (app: never, manifest: never) => Plugin & { loadPromise: Promise<void> };
type Loader = (
  module: { exports: { default?: PluginClass } },
  exports: object,
  require: (id: string) => unknown,
) => void;
/** Set by /main.js, which the server wraps in a function the way Obsidian's loader evaluates it (CommonJS). */
declare global {
  interface Window {
    __loadActivationLab?: Loader;
    gc?: () => void;
  }
}

const LANGUAGES = BLOCK_KINDS.map((k) => k.language);
const counters = { contexts: 0, drawnBlocks: new Set<number>() };

// Chart.js contexts, counted from the very start: Chart.js takes a canvas's 2D context for every chart it builds.
const canvasProto = HTMLCanvasElement.prototype as unknown as {
  getContext: (this: HTMLCanvasElement, ...args: unknown[]) => unknown;
};
const getContext = canvasProto.getContext;
canvasProto.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
  counters.contexts++;
  const block = this.closest('.activation-lab-block');
  if (block) counters.drawnBlocks.add([...document.querySelectorAll('.activation-lab-block')].indexOf(block));
  return getContext.apply(this, args);
};

let pluginClass: PluginClass | null = null;
/** main.js's default export, evaluated once (timed: module evaluation is part of Obsidian's startup). */
function loadPlugin(): { Plugin: PluginClass; evalMs: number } {
  const start = performance.now();
  if (!pluginClass) {
    const module: { exports: { default?: PluginClass } } = { exports: {} };
    window.__loadActivationLab?.(module, module.exports, (id) => {
      if (id === 'obsidian') return obsidian;
      throw new Error(`main.js required '${id}'`);
    });
    if (!module.exports.default) throw new Error('main.js has no default export');
    pluginClass = module.exports.default;
  }
  return { Plugin: pluginClass, evalMs: performance.now() - start };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Counts calls to `names` on `target` into `into` (a vault scan would show up here). */
function countCalls(target: object, names: string[], into: Record<string, number>): void {
  const t = target as Record<string, unknown>;
  for (const name of names) {
    const fn = t[name];
    if (typeof fn !== 'function') continue;
    into[name] = 0;
    t[name] = (...args: unknown[]) => {
      into[name]++;
      return (fn as (...a: unknown[]) => unknown).apply(target, args);
    };
  }
}

/** A vault of `n` notes with blocks and links, so a vault scan in onload would have work to do. */
function busyVault(n: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `Notes/Note ${i}.md`,
      `# Note ${i}\n\nSee [[Note ${(i + 1) % n}]].\n\n${fenced(LANGUAGES[i % LANGUAGES.length], sampleBlock(LANGUAGES[i % LANGUAGES.length]))}`,
    ]),
  );
}

/** onload on a 200-note vault: what it creates, what it reads, how long it takes. */
async function onload() {
  const { Plugin, evalMs } = loadPlugin();
  const host = createHost({ files: busyVault(200) });
  const reads: Record<string, number> = {};
  countCalls(
    host.app.vault,
    ['getMarkdownFiles', 'getFiles', 'getAllLoadedFiles', 'read', 'cachedRead', 'readBinary'],
    reads,
  );
  countCalls(host.app.metadataCache, ['getFileCache', 'getCache', 'getFirstLinkpathDest'], reads);
  const before = { canvases: document.querySelectorAll('canvas').length, contexts: counters.contexts };
  const plugin = new Plugin(host.app as never, DEFAULT_MANIFEST as never);
  const start = performance.now();
  plugin.load();
  await plugin.loadPromise;
  const onloadMs = performance.now() - start;
  const during = {
    canvases: document.querySelectorAll('canvas').length - before.canvases,
    charts: counters.contexts - before.contexts,
    vaultCalls: { ...reads },
  };
  host.app.workspace.setLayoutReady(); // what runs once the layout is ready is reported, not budgeted
  await new Promise((resolve) => setTimeout(resolve, 50));
  const afterLayout = Object.values(reads).reduce((a, b) => a + b, 0);
  plugin.unload();
  host.dispose();
  return { evalMs, onloadMs, ...during, vaultCallsAfterLayoutReady: afterLayout };
}

/** Waits (by frames) until `root` holds a drawn canvas; false after ~2 s. */
async function drawnIn(root: HTMLElement): Promise<boolean> {
  for (let i = 0; i < 120; i++) {
    if (root.querySelector('canvas')) return true;
    await nextFrame();
  }
  return false;
}

function heapMB(): number {
  window.gc?.();
  window.gc?.();
  return ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN) / 2 ** 20;
}

/** `n` render/unload cycles over every kind; what is left alive and how much the heap grew. */
async function cycles(n: number) {
  installInstrumentation();
  const beforePlugin = liveCounts();
  const { Plugin } = loadPlugin();
  const host: Host = createHost({
    files: Object.fromEntries(LANGUAGES.map((l) => [`${l}.md`, `# ${l}\n\n${fenced(l, sampleBlock(l))}`])),
  });
  await host.loadPlugin(Plugin as never);
  host.setTheme('light');
  let drawn = 0;
  const cycle = async (i: number) => {
    const root = document.body.createDiv();
    root.style.width = '700px';
    const view = await host.renderNote(`${LANGUAGES[i % LANGUAGES.length]}.md`, root);
    if (await drawnIn(root)) drawn++;
    view.unload();
    host.app.workspace.getActiveMarkdownView()?.unload();
    root.remove();
  };
  for (let i = 0; i < LANGUAGES.length * 2; i++) await cycle(i); // warm-up: every kind drawn, code compiled
  drawn = 0;
  await nextFrame();
  const baseline = liveCounts();
  const heapBefore = heapMB();
  for (let i = 0; i < n; i++) await cycle(i);
  await nextFrame();
  const heapAfter = heapMB();
  const left = liveCounts();
  host.dispose();
  const afterUnload = liveCounts();
  const diff = (a: typeof left, b: typeof left) => ({
    canvases: a.canvases,
    observers: a.observers - b.observers,
    listeners: a.listeners - b.listeners,
    intervals: a.intervals - b.intervals,
  });
  return {
    cycles: n,
    kinds: LANGUAGES,
    drawn,
    leftAfterCycles: diff(left, baseline),
    leftAfterPluginUnload: diff(afterUnload, beforePlugin),
    heapGrowthMB: heapAfter - heapBefore,
  };
}

/**
 * A 100-block note, scrolled through its top part only: which blocks ever drew, and were they all near the
 * viewport? `lazy: false` (the setting off) is the positive control: then far blocks draw, and this must see it.
 */
async function scroll(blocks = 100, scrollToBlock = 15, lazy = true) {
  const { Plugin } = loadPlugin();
  const note = Array.from(
    { length: blocks },
    (_, i) =>
      `## Block ${i}\n\n${fenced(LANGUAGES[i % LANGUAGES.length], sampleBlock(LANGUAGES[i % LANGUAGES.length]))}`,
  ).join('\n');
  const host = createHost({
    files: { 'Long.md': note },
    pluginData: lazy ? {} : { [DEFAULT_MANIFEST.id]: JSON.stringify({ lazy: false }) },
  });
  await host.loadPlugin(Plugin as never);
  host.setTheme('light');
  window.scrollTo(0, 0);
  const root = document.body.createDiv();
  root.style.width = '700px';
  counters.drawnBlocks.clear();
  const contextsBefore = counters.contexts;
  const view = await host.renderNote('Long.md', root);
  const els = [...root.querySelectorAll<HTMLElement>('.activation-lab-block')];
  const near = new Set<number>();
  const markNear = () => {
    const h = window.innerHeight;
    els.forEach((el, i) => {
      const r = el.getBoundingClientRect();
      if (r.bottom > -h && r.top < 2 * h) near.add(i); // within one screen of the visible area
    });
  };
  let peak = 0;
  const target = els[scrollToBlock].getBoundingClientRect().top + window.scrollY;
  for (let y = 0; ; y = Math.min(target, y + 150)) {
    window.scrollTo(0, y);
    markNear();
    await nextFrame();
    await nextFrame();
    peak = Math.max(peak, root.querySelectorAll('canvas').length);
    if (y >= target) break;
  }
  await new Promise((resolve) => setTimeout(resolve, 1500)); // late draws would show up here; far blocks release
  const drawnBlocks = [...counters.drawnBlocks].sort((a, b) => a - b);
  const far = drawnBlocks.filter((i) => !near.has(i));
  view.unload();
  host.dispose();
  root.remove();
  return {
    blocks: els.length,
    scrolledTo: scrollToBlock,
    near: near.size,
    chartsCreated: counters.contexts - contextsBefore,
    blocksDrawn: drawnBlocks.length,
    farBlocksDrawn: far,
    peakLiveCanvases: peak,
  };
}

window.__budgets = { onload, cycles, scroll };
declare global {
  interface Window {
    __budgets?: { onload: typeof onload; cycles: typeof cycles; scroll: typeof scroll };
  }
}
