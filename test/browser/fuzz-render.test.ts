/**
 * Fuzzing the renderer in Chromium: generated blocks of every registered kind rendered through the
 * real BlockChild (parse → inline error or BlockShell with Chart.js), drawing at once. Each shows an error or a
 * drawn chart, nothing throws or reaches console.error, and after all of them nothing is left alive.
 * The seed is printed; replay a failure by setting FIXED_SEED in test/fuzz/seed.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MarkdownPostProcessorContext } from 'obsidian';
import { BLOCK_KINDS } from '../../src/blocks';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { BlockChild } from '../../src/obsidian/block-child';
import type { BlockHost, Rerenderable } from '../../src/obsidian/block-host';
import { createHost, type Host } from '../fakes/host';
import { rawBlock, structuredBlock } from '../fuzz/arbitraries';
import { fuzzSeed, keysOf } from '../fuzz/seed';
import { drawn, LongLivedListeners, outcome, prototypeKeys, UncaughtErrors } from './support/hostile-checks';
import { installInstrumentation, liveCounts } from './support/instrument';
import { server } from './support/server';

/** Blocks rendered per run, shared among the kinds. */
const TOTAL = 500;
const perKind = Math.ceil(TOTAL / BLOCK_KINDS.length);
const seed = fuzzSeed();
const uncaught = new UncaughtErrors();
const windowListeners = new LongLivedListeners();
let host: Host;
let rendered = 0;
const shown = { error: 0, chart: 0 };

beforeAll(async () => {
  installInstrumentation();
  windowListeners.install();
  uncaught.start();
  // The plugin's stylesheet reserves each chart box's height (without it every canvas is 1 px high).
  document.head.createEl('style').textContent = await server.pluginStyles();
  host = createHost({ files: { 'Fuzz.md': '# Fuzz\n\nText.\n', 'Note.md': '# Heading\n\nSome text. ^block-1\n' } });
  host.setTheme('light');
  console.warn(`fuzz (browser): seed ${seed}, ${perKind} blocks per kind over ${BLOCK_KINDS.length} kinds`);
});

afterAll(() => {
  uncaught.stop();
  host.dispose();
  console.warn(
    `fuzz (browser): ${rendered} blocks rendered (${shown.chart} charts, ${shown.error} errors), seed ${seed}`,
  );
});

/** The plugin as a block sees it, drawing at once (no lazy drawing) so every chart is drawn before the checks. */
function blockHost(settings: Settings): BlockHost {
  return { app: host.app as never, settings: () => settings, lang: () => 'en', liveBlocks: new Set<Rerenderable>() };
}

/** A Reading-view-like context for a block of Fuzz.md. */
function context(el: HTMLElement): MarkdownPostProcessorContext {
  const children: { unload(): void }[] = [];
  return {
    docId: 'fuzz',
    sourcePath: 'Fuzz.md',
    frontmatter: null,
    addChild: (child) => void children.push(child),
    getSectionInfo: () => ({ text: el.textContent ?? '', lineStart: 0, lineEnd: 0 }),
  };
}

describe(`fuzzing the renderer (seed ${seed})`, () => {
  it.each(BLOCK_KINDS.map((k) => [k.language, k] as const))(
    `%s: ${perKind} generated blocks render an error or a chart`,
    (_l, kind) => {
      const settings = { ...DEFAULT_SETTINGS, lazy: false };
      const before = { ...liveCounts(), windowListeners: windowListeners.count };
      const protoBefore = prototypeKeys();
      const consoleErrors = vi.spyOn(console, 'error');
      const block = fc.oneof(
        { weight: 9, arbitrary: structuredBlock(keysOf(kind)) },
        { weight: 1, arbitrary: rawBlock },
      );
      fc.assert(
        fc.property(block, (source) => {
          rendered++;
          const el = document.body.createDiv({ cls: `block-language-${kind.language}` });
          el.style.width = '600px';
          const child = new BlockChild(el, kind, source, context(el), blockHost(settings));
          try {
            child.load();
            const o = outcome(el);
            const ok = o.error !== null || drawn(o.canvases);
            if (o.error !== null) shown.error++;
            else if (ok) shown.chart++;
            expect(ok, 'neither an inline error nor a drawn chart').toBe(true);
            expect(consoleErrors).not.toHaveBeenCalled();
            expect(uncaught.seen).toEqual([]);
          } finally {
            child.unload();
            el.remove();
          }
        }),
        { seed, numRuns: perKind, endOnFailure: true },
      );
      vi.restoreAllMocks();
      expect(prototypeKeys()).toEqual(protoBefore);
      // Listeners on a block's own (now removed) elements go with them; what must not grow is what outlives blocks.
      const { observers, intervals, canvases } = liveCounts();
      expect({ observers, intervals, canvases, windowListeners: windowListeners.count }).toEqual({
        observers: before.observers,
        intervals: before.intervals,
        canvases: 0,
        windowListeners: before.windowListeners,
      });
    },
  );
});
