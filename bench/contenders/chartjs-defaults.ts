/**
 * Chart.js with default options, as Obsidian Charts uses it: `chart.js/auto`, category x axis from
 * labels, default animation (the first frame is drawn in the next animation frame, the final one
 * about a second later), `responsive: true` sizing from the container. Slider: `update()` (animated).
 */
import { curvePair, LEAKY_START, type CurveKind, type CurvePair } from '../curves';
import { benchLibs, type ChartAutoLib } from '../libs/globals';
import { slot, type Contender } from './types';

type AutoChart = InstanceType<ChartAutoLib['Chart']>;

/** The library from its own script (see libs/globals.ts). */
export function chartAuto(): ChartAutoLib {
  const lib = benchLibs().chartAuto;
  if (!lib) throw new Error('bench: the chart.js/auto script is not loaded');
  return lib;
}

function data(pair: CurvePair): { labels: string[]; datasets: { label: string; data: number[] }[] } {
  return {
    labels: pair.xs.map((x) => x.toFixed(2)),
    datasets: [
      { label: pair.name, data: pair.xs.map(pair.f) },
      { label: `${pair.name}′`, data: pair.xs.map(pair.df) },
    ],
  };
}

/** Chart.js as a user of Obsidian Charts gets it. */
export const chartjsDefaults: Contender = {
  id: 'cjs-default',
  label: 'Chart.js defaults',
  drawsInFrame: true,
  updatesInFrame: true,
  prepare(stage, count, kind: CurveKind) {
    const { Chart } = chartAuto();
    const slots = Array.from({ length: count }, () => slot(stage));
    const charts: AutoChart[] = [];
    return Promise.resolve({
      draw() {
        const pair = curvePair(kind, LEAKY_START);
        for (const s of slots) {
          const canvas = document.createElement('canvas');
          s.appendChild(canvas);
          charts.push(new Chart(canvas, { type: 'line', data: data(pair) }));
        }
        return undefined;
      },
      canvases: () => charts.map((c) => c.canvas),
      setParam(value) {
        const chart = charts[0];
        const next = data(curvePair(kind, value));
        chart.data.datasets.forEach((d, i) => (d.data = next.datasets[i].data));
        chart.update();
      },
      quiesce() {
        for (const c of charts) c.stop();
      },
      dispose() {
        for (const c of charts) c.destroy();
        for (const s of slots) s.remove();
      },
    });
  },
};

/** ms from `new Chart` to the end of its default entry animation (final pixels), for one chart. */
export async function animationDuration(stage: HTMLElement, waitFrame: () => Promise<unknown>): Promise<number> {
  const { Chart, animator } = chartAuto();
  const s = slot(stage);
  const canvas = document.createElement('canvas');
  s.appendChild(canvas);
  const t0 = performance.now();
  const chart = new Chart(canvas, { type: 'line', data: data(curvePair('sigmoid')) });
  do await waitFrame();
  while (animator.running(chart));
  const ms = performance.now() - t0;
  chart.destroy();
  s.remove();
  return ms;
}
