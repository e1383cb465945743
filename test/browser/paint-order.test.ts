/**
 * Paint order, in pixels: the zero-centred block's descent paths must stay visible over its faint loss contours.
 * The block's own chart model is painted by the plugin's curve painter onto a real canvas; at every drawn step
 * (a filled dot of the path's colour) the pixel must be exactly that colour, unless a later path passes there.
 * The same check on the model with the contours moved last must fail, which shows the check can see a cover-up.
 */
import { describe, expect, it } from 'vitest';
import type { Chart } from 'chart.js';
import type { LineChartModel, LineModel } from '../../src/blocks/line-chart-model';
import { zeroCenteredBlock } from '../../src/blocks/zero-centered';
import { drawCurves } from '../../src/chart/plugins/curves';
import { env, LIGHT, parseOk } from '../blocks/fixtures';

const SIZE = 480;
const MARGIN = 20;

/** Paints `lines` of `model` on a fresh canvas; returns its pixels and the data → pixel mapping. */
function paint(model: LineChartModel, lines: readonly LineModel[]) {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, SIZE, SIZE);
  const span = SIZE - 2 * MARGIN;
  const px = (x: number) => MARGIN + ((x - model.x.min) / (model.x.max - model.x.min)) * span;
  const py = (y: number) => MARGIN + ((model.y.max - y) / (model.y.max - model.y.min)) * span;
  // The painter reads only the context, the plot area, the pixel ratio and the scales' value → pixel functions.
  const chart = {
    ctx,
    currentDevicePixelRatio: 1,
    chartArea: { left: MARGIN, top: MARGIN, right: SIZE - MARGIN, bottom: SIZE - MARGIN },
    scales: { x: { getPixelForValue: px }, y: { getPixelForValue: py } },
  } as unknown as Chart;
  drawCurves(chart, lines, LIGHT);
  return { pixels: ctx.getImageData(0, 0, SIZE, SIZE).data, px, py };
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** Distance from point p to segment a–b, in pixels. */
function toSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Drawn steps of the paths whose pixel is not their path's colour (steps a later path passes near are skipped). */
function coveredSteps(model: LineChartModel, lines: readonly LineModel[]): number {
  const { pixels, px, py } = paint(model, lines);
  const paths = lines.filter((l) => l.id.startsWith('p'));
  let covered = 0;
  paths.forEach((path, k) => {
    const later = paths.slice(k + 1).map((l) => l.x.map((x, i): [number, number] => [px(x), py(l.y[i])]));
    const want = hex(LIGHT.series[path.colorIndex]);
    path.x.forEach((x, i) => {
      const p: [number, number] = [px(x), py(path.y[i])];
      if (later.some((pts) => pts.some((a, j) => j > 0 && toSegment(p, pts[j - 1], a) < 4))) return;
      const at = 4 * (Math.round(p[1]) * SIZE + Math.round(p[0]));
      if ([0, 1, 2].some((c) => Math.abs(pixels[at + c] - want[c]) > 2)) covered++;
    });
  });
  return covered;
}

describe('paint order', () => {
  const e = env();
  for (const source of ['', 'steps: 20\nlr: 0.5', 'inputs: Sigmoid, Tanh\noptimizer: sgd\nsteps: 60']) {
    it(`zero-centred paths stay on top of the contours (${JSON.stringify(source)})`, () => {
      const [model] = zeroCenteredBlock.view(
        zeroCenteredBlock.init(parseOk(zeroCenteredBlock, source, e), e),
        e,
      ).charts;
      expect(model.lines.filter((l) => l.faint).length).toBeGreaterThan(4);
      expect(coveredSteps(model, model.lines)).toBe(0);
      // Control: contours painted after the paths do cover drawn steps, and the check sees it.
      const contoursLast = [...model.lines.filter((l) => !l.faint), ...model.lines.filter((l) => l.faint)];
      expect(coveredSteps(model, contoursLast)).toBeGreaterThan(0);
    });
  }
});
