/**
 * The peers are bundled separately (bench/libs/*.ts → their own scripts) so that `chart.js/auto`'s
 * global registration of every controller and plugin never reaches the tree-shaken Chart.js our
 * plugin bundles: each script gets its own copy of its library and hands it over on `window`.
 */
import type { Chart as ChartAuto, animator as ChartAnimator, ChartConfiguration } from 'chart.js';

/** What bench/libs/chartjs-auto.ts exposes: Chart.js with every registerable, as Obsidian Charts uses it. */
export interface ChartAutoLib {
  Chart: new (
    canvas: HTMLCanvasElement,
    config: ChartConfiguration<'line', number[], string>,
  ) => ChartAuto<'line', number[], string>;
  animator: typeof ChartAnimator;
}

/** A function-plot chart instance, as far as the bench uses it. */
export interface FunctionPlotInstance {
  id: string;
}

/** What bench/libs/function-plot.ts exposes. */
export interface FunctionPlotLib {
  functionPlot: (options: Record<string, unknown>) => FunctionPlotInstance;
  /** function-plot keeps every instance in `Chart.cache` by id; the bench deletes its own on dispose. */
  cache: Record<string, unknown>;
}

/** The peers' libraries, set by their scripts. */
export interface BenchLibs {
  chartAuto?: ChartAutoLib;
  functionPlot?: FunctionPlotLib;
}

/** The `window.__benchLibs` slot, created on first use. */
export function benchLibs(): BenchLibs {
  const w = window as unknown as { __benchLibs?: BenchLibs };
  w.__benchLibs ??= {};
  return w.__benchLibs;
}
