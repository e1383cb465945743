/**
 * Where our per-block time goes, without touching src/: prototype methods and DOM getters are wrapped
 * for the duration of this scenario only (then restored), a 50-block note is drawn with lazy drawing
 * off, and each phase's total is divided by the number of blocks. Mean ms per block.
 */
import { Chart } from 'chart.js';
import { BLOCK_KINDS } from '../../src/blocks';
import { BlockShell } from '../../src/chart/block-shell';
import { ChartView } from '../../src/chart/chart-view';
import { findActivation, resolveParams } from '../../src/core/activations';
import { computeOverlays } from '../../src/core/plot/overlays';
import { sampleFunction } from '../../src/core/plot/sampling';
import { BlockChild } from '../../src/obsidian/block-child';
import { moveSlider, noteOf, openHost, renderTimed } from '../contenders/ours';
import { nextFrame, readback, settle } from '../probe';
import { quietStart, record, type Samples } from './timing';
import { running, timeGetter, timeMethod, type Totals } from './wrap';

const outsideChartJs = (): boolean => running.includes('chartViewDraw') && !running.includes('chartUpdate');

/** Installs every probe; returns one undo for all. */
function instrument(totals: Totals): () => void {
  const kind = BLOCK_KINDS.find((k) => k.language === 'activation');
  if (!kind) throw new Error('bench: no activation kind');
  const undo = [
    timeMethod(totals, BlockChild.prototype, 'onload', 'block'),
    timeMethod(totals, kind, 'parse', 'parse'),
    timeMethod(totals, kind, 'init', 'initView'),
    timeMethod(totals, kind, 'view', 'initView'),
    timeMethod(totals, BlockShell.prototype, 'draw', 'shellDraw'),
    timeMethod(totals, ChartView.prototype, 'draw', 'chartViewDraw'),
    timeMethod(totals, Chart.prototype, 'update', 'chartUpdate'),
    timeMethod(totals, Chart.prototype, 'draw', 'chartDraw'),
    // The theme read (BlockShell.draw → readTheme): its first getPropertyValue forces a style recalc.
    timeMethod(
      totals,
      CSSStyleDeclaration.prototype,
      'getPropertyValue',
      'themeRead',
      () => running.includes('shellDraw') && !running.includes('chartViewDraw'),
    ),
    // ChartView.draw sizes the canvas from its box: each read forces a layout of the grown note.
    timeGetter(totals, Element.prototype, 'clientWidth', 'layoutRead', outsideChartJs),
    timeGetter(totals, Element.prototype, 'clientHeight', 'layoutRead', outsideChartJs),
  ];
  return () => undo.reverse().forEach((u) => u());
}

/** Per-block phases of our plugin over `reps` draws of a 50-block note, plus sampling and overlays timed alone. */
export async function profile(stage: HTMLElement, reps: number): Promise<Samples> {
  const samples: Samples = {};
  const blocks = 50;
  for (let r = 0; r < reps; r++) {
    const host = await openHost(noteOf('sigmoid', blocks), false, 'sources');
    const container = stage.createDiv();
    await quietStart();
    const totals: Totals = new Map();
    const restore = instrument(totals);
    try {
      await renderTimed(host, container);
      totals.set('raster', readback(container.querySelectorAll('canvas')));
    } finally {
      restore();
    }
    totals.set('frame', (await nextFrame()).frameMs);
    const get = (k: string): number => (totals.get(k) ?? 0) / blocks;
    record(samples, 'block', get('block'));
    record(samples, 'parse', get('parse'));
    record(samples, 'initView', get('initView'));
    record(samples, 'shellDom', get('block') - get('parse') - get('initView') - get('shellDraw'));
    record(samples, 'themeRead', get('themeRead'));
    record(samples, 'layoutRead', get('layoutRead'));
    record(samples, 'chartSetup', get('chartViewDraw') - get('chartUpdate') - get('layoutRead'));
    record(samples, 'chartLayout', get('chartUpdate') - get('chartDraw'));
    record(samples, 'chartDraw', get('chartDraw'));
    record(samples, 'shellRest', get('shellDraw') - get('chartViewDraw') - get('themeRead'));
    record(samples, 'raster', get('raster'));
    record(samples, 'frame', get('frame'));
    host.dispose();
    container.remove();
  }
  // Sampling and overlays of one Sigmoid block, alone: batches of 20 calls, so each figure is well above the timer's step.
  const spec = findActivation('Sigmoid');
  if (!spec.ok) throw new Error('bench: no Sigmoid');
  const params = resolveParams(spec.value, {});
  if (!params.ok) throw new Error('bench: Sigmoid params');
  const { f, df } = spec.value.bind(params.value);
  const sampled = sampleFunction({ f, df, kinks: [], jumps: [] }, [-6, 6], 400);
  const batch = 20;
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    for (let k = 0; k < batch; k++) sampleFunction({ f, df, kinks: [], jumps: [] }, [-6, 6], 400);
    const t1 = performance.now();
    for (let k = 0; k < batch; k++) computeOverlays('saturating', df, sampled);
    const t2 = performance.now();
    if (i >= 10) {
      record(samples, 'sampling', (t1 - t0) / batch);
      record(samples, 'overlays', (t2 - t1) / batch);
    }
  }
  return samples;
}

/**
 * Where one slider update of an ```activation block goes (LeakyReLU's unless `note` says otherwise; `valueAt(i)` is the
 * i-th move's value): the coalesced rAF callback (BlockShell.refresh) split into view, chart config rebuild and
 * Chart.js update/draw; then the readback. Mean ms per update.
 */
export async function sliderProfile(
  stage: HTMLElement,
  moves: number,
  note = noteOf('leaky', 1),
  valueAt = (i: number): number => Number((0.02 + 0.01 * (i % 40)).toFixed(2)),
): Promise<Samples> {
  const samples: Samples = {};
  const kind = BLOCK_KINDS.find((k) => k.language === 'activation');
  if (!kind) throw new Error('bench: no activation kind');
  const host = await openHost(note, false, 'sources');
  const container = stage.createDiv();
  await quietStart();
  await renderTimed(host, container);
  moveSlider(container, 0.6);
  await settle(2);
  for (let i = 0; i < moves; i++) {
    const totals: Totals = new Map();
    const undo = [
      timeMethod(totals, BlockShell.prototype, 'refresh', 'refresh'),
      timeMethod(totals, kind, 'control', 'control'),
      timeMethod(totals, kind, 'view', 'view'),
      timeMethod(totals, ChartView.prototype, 'setContent', 'setContent'),
      timeMethod(totals, Chart.prototype, 'update', 'chartUpdate'),
      timeMethod(totals, Chart.prototype, 'draw', 'chartDraw'),
    ];
    try {
      moveSlider(container, valueAt(i));
      const frame = await nextFrame(() => totals.set('raster', readback(container.querySelectorAll('canvas'))));
      totals.set('callbacks', frame.callbacksMs);
    } finally {
      undo.reverse().forEach((u) => u());
    }
    const get = (k: string): number => totals.get(k) ?? 0;
    record(samples, 'control', get('control'));
    record(samples, 'view', get('view'));
    record(samples, 'paint', get('setContent'));
    // update() draws too; with the axes held neither runs (the plot area is repainted alone).
    record(samples, 'chartLayout', Math.max(0, get('chartUpdate') - get('chartDraw')));
    record(samples, 'chartDraw', get('chartDraw'));
    record(samples, 'controlsSync', get('refresh') - get('view') - get('setContent'));
    record(samples, 'raster', get('raster'));
    await settle(1);
  }
  host.dispose();
  container.remove();
  return samples;
}

/**
 * Where a freshly loaded page's first chart spends its time (ms, one draw): the plugin's sources (the page's own copy,
 * as cold as main.js in the cold scenario) rendering one Sigmoid block, with the handler's phases (parse, init + view), the
 * chart's construction in the next frame (canvas sizing, Chart.js layout and scales, the draw with our decorations)
 * and that frame. For A/B runs of the cold figure from a fresh page each (bench/README.md), not a table row.
 */
export async function coldProfile(stage: HTMLElement): Promise<Record<string, number>> {
  const host = await openHost(noteOf('sigmoid', 1), false, 'sources');
  const container = stage.createDiv();
  await quietStart();
  const totals: Totals = new Map();
  // The steady profile's probes, and Chart.js's first-draw steps: canvas sizing, layout, scales, plugin hooks.
  const chart = Chart.prototype as unknown as Record<string, unknown>;
  const undo = [
    instrument(totals),
    timeMethod(totals, chart, '_initialize', 'chartInit'),
    timeMethod(totals, chart, '_updateLayout', 'chartLayout'),
    timeMethod(totals, chart, '_updateScales', 'chartScales'),
    timeMethod(totals, chart, 'notifyPlugins', 'plugins'),
  ];
  const t0 = performance.now();
  try {
    await renderTimed(host, container);
    totals.set('sync', performance.now() - t0);
    const frame = await nextFrame(() => totals.set('raster', readback(container.querySelectorAll('canvas'))));
    totals.set('frame', frame.frameMs);
    totals.set('callbacks', frame.callbacksMs);
  } finally {
    undo.reverse().forEach((u) => u());
  }
  host.dispose();
  container.remove();
  return Object.fromEntries(totals);
}
