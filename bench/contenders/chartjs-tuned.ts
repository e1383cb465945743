/**
 * Chart.js tuned as far as it goes, standalone (no block, no decorations): only the pieces drawn
 * are registered, `animation: false`, `parsing: false`, `normalized: true`, no point markers,
 * `responsive: false` with an explicit size, fixed scales with explicit steps. Slider: `update('none')`.
 */
import { Chart, LinearScale, LineController, LineElement, PointElement, type ChartDataset } from 'chart.js';
import { curvePair, LEAKY_START, type CurveKind, type CurvePair } from '../curves';
import { HEIGHT, slot, WIDTH, type Contender } from './types';

type XY = { x: number; y: number };

/** The two datasets of `pair`, already in Chart.js's internal {x, y} shape. */
function datasets(pair: CurvePair): ChartDataset<'line', XY[]>[] {
  const points = (fn: (x: number) => number): XY[] => pair.xs.map((x) => ({ x, y: fn(x) }));
  const line = { borderColor: '#086ddd', borderWidth: 2, pointRadius: 0, pointHitRadius: 0, tension: 0 };
  return [
    { ...line, label: pair.name, data: points(pair.f) },
    { ...line, label: `${pair.name}′`, data: points(pair.df), borderDash: [6, 4] },
  ];
}

function create(canvas: HTMLCanvasElement, pair: CurvePair): Chart<'line', XY[]> {
  return new Chart<'line', XY[]>(canvas, {
    type: 'line',
    data: { datasets: datasets(pair) },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio: window.devicePixelRatio || 1,
      parsing: false,
      normalized: true,
      events: [],
      scales: {
        x: { type: 'linear', min: -6, max: 6, ticks: { stepSize: 1 } },
        y: { type: 'linear', min: pair.y.min, max: pair.y.max, ticks: { stepSize: pair.y.step } },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
  });
}

/** Chart.js, tuned for speed, without our block around it. */
export const chartjsTuned: Contender = {
  id: 'cjs-tuned',
  label: 'Chart.js tuned',
  drawsInFrame: false,
  updatesInFrame: false,
  prepare(stage, count, kind: CurveKind) {
    // Idempotent; the same tree-shaken registration our plugin makes.
    Chart.register(LineController, LineElement, PointElement, LinearScale);
    const slots = Array.from({ length: count }, () => slot(stage));
    const charts: Chart<'line', XY[]>[] = [];
    return Promise.resolve({
      draw() {
        const pair = curvePair(kind, LEAKY_START);
        for (const s of slots) {
          const canvas = document.createElement('canvas');
          canvas.width = WIDTH;
          canvas.height = HEIGHT;
          s.appendChild(canvas);
          charts.push(create(canvas, pair));
        }
        return undefined;
      },
      canvases: () => charts.map((c) => c.canvas),
      setParam(value) {
        const chart = charts[0];
        const next = datasets(curvePair(kind, value));
        chart.data.datasets.forEach((d, i) => (d.data = next[i].data));
        chart.update('none');
      },
      dispose() {
        for (const c of charts) c.destroy();
        for (const s of slots) s.remove();
      },
    });
  },
};
