/**
 * Where users actually are: Reading view (sections post-processed detached, long notes virtualised while
 * scrolling), Live Preview (the block re-rendered on every keystroke), and closing a note then changing a setting.
 * Every scenario ends with nothing left behind: observers, listeners on any target (window and document
 * included), intervals, object URLs, workers, canvases, watched render children and the plugin's live blocks.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { watchedCount } from '../fakes/detach-watch';
import type { Host } from '../fakes/host';
import { LivePreviewBlock } from '../fakes/live-preview';
import { MarkdownPreviewRenderer, type Component } from '../fakes/obsidian';
import { UncaughtErrors } from './support/hostile-checks';
import { frames, installInstrumentation, liveCounts } from './support/instrument';
import { drawnCanvases, showNote, startPlugin, teardown, type LoadedPlugin } from './support/plugin-host';

/** One block of each kind, each at least 40 characters (40+ keystrokes when typed). */
const BLOCKS: Record<string, string> = {
  activation: 'functions: ReLU, GELU, Tanh\nderivative: true\nx: [-4, 4]',
  'gradient-flow': 'activations: Sigmoid, ReLU\ndepth: 6\nwidth: 8\ntitle: typed',
  'dead-relu': 'activations: ReLU, LeakyReLU\nlr: 0.05\ntitle: typed live',
  'zero-centered': 'inputs: Sigmoid, Tanh\ntitle: typed in Live Preview',
};

const uncaught = new UncaughtErrors();
let host: Host | null = null;
let view: Component | null = null;

beforeAll(() => {
  installInstrumentation();
  uncaught.start();
});
afterAll(() => uncaught.stop());
afterEach(() => {
  teardown(view, host);
  view = null;
  host = null;
});

/** The plugin's registry of live blocks (private in main.ts; the count is what leaks). */
const liveBlocks = (plugin: LoadedPlugin): number =>
  (plugin as unknown as { liveBlocks: Set<unknown> }).liveBlocks.size;

/** Median and maximum of `xs`. */
function spread(xs: number[]): { median: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
}

describe('Live Preview: typing a block character by character', () => {
  it.each(Object.entries(BLOCKS))(
    '%s: every keystroke unloads the old block and renders the new source, leaving nothing behind',
    async (language, source) => {
      expect(source.length).toBeGreaterThanOrEqual(40);
      const baseline = liveCounts();
      const started = await startPlugin({ files: { 'Typing.md': '' } });
      host = started.host;
      const editorEl = document.body.createDiv({ cls: 'markdown-source-view is-live-preview' });
      editorEl.style.width = '700px';
      const block = new LivePreviewBlock(host.app, 'Typing.md', editorEl, language);
      const times: number[] = [];
      for (let n = 1; n <= source.length; n++) {
        const t0 = performance.now();
        await block.edit(source.slice(0, n));
        times.push(performance.now() - t0);
        // One block on screen at every keystroke, never the previous ones as well.
        expect(liveBlocks(started.plugin)).toBe(1);
        expect(editorEl.querySelectorAll('.activation-lab-block')).toHaveLength(1);
      }
      // The full source draws a chart (the block is in view).
      await drawnCanvases(editorEl);
      const { median, max } = spread(times);
      console.warn(
        `live preview ${language}: ${times.length} keystrokes, re-render median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
      );
      block.close();
      await frames(1);
      expect(liveBlocks(started.plugin)).toBe(0);
      expect(watchedCount()).toBe(0);
      expect(uncaught.seen).toEqual([]);
      host.dispose();
      host = null;
      editorEl.remove();
      expect(liveCounts()).toEqual(baseline);
    },
  );
});

describe('Live Preview: the charts of a typed block', () => {
  it('with lazy drawing off, follow the keystroke a frame later; a block replaced before that never draws', async () => {
    const started = await startPlugin({
      files: { 'Typing.md': '' },
      pluginData: { 'activation-lab': JSON.stringify({ lazy: false }) },
    });
    host = started.host;
    const editorEl = document.body.createDiv({ cls: 'markdown-source-view is-live-preview' });
    editorEl.style.width = '700px';
    const made: Node[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) made.push(...[...r.addedNodes].filter((n) => n.nodeName === 'CANVAS'));
    });
    observer.observe(editorEl, { childList: true, subtree: true });
    const block = new LivePreviewBlock(host.app, 'Typing.md', editorEl, 'activation');
    await block.edit('functions: ReLU');
    await block.edit('functions: ReLU, GELU'); // the next keystroke, within the same frame
    expect(editorEl.querySelector('.activation-lab-chart-box')).not.toBeNull();
    await frames(1);
    // The keystroke's frame: the block without its chart.
    expect(editorEl.querySelector('canvas')).toBeNull();
    await frames(1);
    const canvases = await drawnCanvases(editorEl);
    expect(canvases).toHaveLength(1);
    expect(made).toEqual(canvases); // the replaced block drew nothing
    observer.disconnect();
    block.close();
    editorEl.remove();
    expect(uncaught.seen).toEqual([]);
  });
});

describe('Reading view', () => {
  it('hands processors detached sections; a block whose element leaves the page unloads without its note closing', async () => {
    const started = await startPlugin({
      files: { 'Note.md': '# One\n\n```activation\nfunctions: ReLU\n```\n\nText.\n' },
    });
    host = started.host;
    const seen: (Element | null)[] = [];
    const spy = (el: HTMLElement): void => void seen.push(el.parentElement);
    MarkdownPreviewRenderer.registerPostProcessor(spy);
    const shown = await showNote(host, 'Note.md').finally(() => MarkdownPreviewRenderer.unregisterPostProcessor(spy));
    view = shown.view;
    expect(seen).toEqual([null, null, null]);
    expect(liveBlocks(started.plugin)).toBe(1);
    shown.root.querySelector('.block-language-activation')?.closest('.el-pre')?.remove();
    await frames(1);
    expect(liveBlocks(started.plugin)).toBe(0);
  });

  it('virtualises a long note while scrolling: blocks far away unload, come back when scrolled to, and nothing leaks', async () => {
    const baseline = liveCounts();
    const parts: string[] = [];
    for (let i = 0; i < 24; i++)
      parts.push(`## Part ${i}\n\n\`\`\`activation\nfunctions: ${['ReLU', 'GELU', 'Tanh'][i % 3]}\n\`\`\``);
    const started = await startPlugin({ files: { 'Long.md': parts.join('\n\n') } });
    host = started.host;
    const shown = await showNote(host, 'Long.md');
    view = shown.view;
    const preview = host.app.workspace.getActiveMarkdownView()!.previewMode;
    expect(preview.sectionCount).toBe(48);
    expect(liveBlocks(started.plugin)).toBe(24);
    // Scroll down in steps of four sections with eight in the page: four blocks live at each step.
    for (let first = 0; first + 8 <= 48; first += 4) {
      await preview.virtualise(first, first + 7);
      await frames(1);
      expect(liveBlocks(started.plugin)).toBe(4);
      expect(shown.root.querySelectorAll('.activation-lab-block')).toHaveLength(4);
    }
    // Back to the top: the first blocks render again and draw.
    await preview.virtualise(0, 7);
    await frames(1);
    expect(liveBlocks(started.plugin)).toBe(4);
    await drawnCanvases(shown.root, 1);
    expect(uncaught.seen).toEqual([]);
    teardown(view, host);
    view = null;
    host = null;
    expect(liveBlocks(started.plugin)).toBe(0);
    expect(watchedCount()).toBe(0);
    expect(liveCounts()).toEqual(baseline);
  });
});

describe('closing a note, then changing a setting, then reopening it', () => {
  it('leaves no block registered or observed after close, and the reopened note renders with the new setting', async () => {
    const started = await startPlugin({ files: { 'Note.md': '```activation\nfunctions: ReLU, GELU\n```\n' } });
    host = started.host;
    const baseline = liveCounts();
    const first = await showNote(host, 'Note.md');
    await drawnCanvases(first.root);
    expect(liveBlocks(started.plugin)).toBe(1);
    first.view.unload();
    first.root.remove();
    await frames(1);
    expect(liveBlocks(started.plugin)).toBe(0);
    expect(liveCounts()).toEqual(baseline);
    // A setting changes while the note is closed: nothing closed may come back to life.
    await started.plugin.updateSettings({ ...started.plugin.settings, palette: 'colorblind' });
    expect(liveBlocks(started.plugin)).toBe(0);
    expect(liveCounts()).toEqual(baseline);
    const again = await showNote(host, 'Note.md');
    view = again.view;
    await drawnCanvases(again.root);
    expect(liveBlocks(started.plugin)).toBe(1);
    again.view.unload();
    view = null;
    again.root.remove();
    expect(liveCounts()).toEqual(baseline);
  });
});
