/**
 * An inline Chart.js plugin that paints the model on Chart.js's frame, straight on the canvas: shaded
 * bands, zero axes, the curves themselves (see curves.ts), markers on top. One plugin, one pass, and
 * everything it paints lies inside the plot area (plot-frame.ts relies on that).
 */
import type { Chart, Plugin } from 'chart.js';
import type { LineChartModel } from '../../blocks/line-chart-model';
import type { Theme } from '../theme';
import { withAlpha } from '../theme';
import { drawCurves } from './curves';
import { LANE, paintLabels, placeChartLabels, type LabelLayout, type PlacedLabels } from './labels';
import { fillSnapped, type Parts } from '../fill-within';

/** What the decorations read at draw time; ChartView swaps it on every update. */
export interface DecorationState {
  model: LineChartModel;
  theme: Theme;
  /** Told where the labels went after every paint (labels without a free spot go into the block's key). */
  onLabels?: (layout: LabelLayout) => void;
}

/** A shaded band as painted: a rectangle in canvas px and its fill. */
export interface BandRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  fill: string;
}

/** The model's bands as rectangles on the chart: full-height bands, or strips in lanes along the bottom. */
function bandRects(chart: Chart, { model, theme }: DecorationState): BandRect[] {
  const { chartArea: area, scales } = chart;
  const rects: BandRect[] = [];
  for (const band of model.bands) {
    const left = Math.max(area.left, scales.x.getPixelForValue(band.from));
    const right = Math.min(area.right, scales.x.getPixelForValue(band.to));
    if (!(right > left)) continue;
    const color = theme.series[band.colorIndex % theme.series.length];
    const strip = band.lane !== undefined;
    const top = strip ? area.bottom - LANE * ((band.lane as number) + 1) : area.top;
    const height = strip ? LANE - 1 : area.bottom - area.top;
    rects.push({ left, right, top, bottom: top + height, fill: withAlpha(color, strip ? 0.22 : 0.08) });
  }
  return rects;
}

function drawBands(chart: Chart, bands: readonly BandRect[], parts: Parts | null): void {
  const { ctx, currentDevicePixelRatio: dpr } = chart;
  ctx.save();
  for (const b of bands) {
    ctx.fillStyle = b.fill;
    fillSnapped(ctx, dpr, b.left, b.top, b.right - b.left, b.bottom - b.top, parts);
  }
  ctx.restore();
}

/** The x = 0 and y = 0 axes, 1 px wide, as filled rectangles (a blit in software raster, unlike a stroked path). */
function drawZeroAxes(chart: Chart, { theme }: DecorationState, parts: Parts | null): void {
  const { ctx, chartArea: area, scales, currentDevicePixelRatio: dpr } = chart;
  ctx.fillStyle = theme.axis;
  if (scales.y.min < 0 && scales.y.max > 0)
    fillSnapped(ctx, dpr, area.left, Math.round(scales.y.getPixelForValue(0)), area.right - area.left, 1, parts);
  if (scales.x.min < 0 && scales.x.max > 0)
    fillSnapped(ctx, dpr, Math.round(scales.x.getPixelForValue(0)), area.top, 1, area.bottom - area.top, parts);
}

const STAR_RADIUS = 7;
const RING_RADIUS = 3.5;
const MARKER_LINE = 1.5;

/** How far a marker's ink reaches from its centre: a star's points are mitred (the canvas's limit: ten half-widths). */
export function markerReach(shape: string): number {
  return shape === 'star' ? STAR_RADIUS + 10 * (MARKER_LINE / 2) : RING_RADIUS + MARKER_LINE / 2;
}

/** Markers, drawn under the curves' clip (drawCurves' `above`): everything that changes between frames stays inside the plot area. */
function drawMarkers(chart: Chart, { model, theme }: DecorationState): void {
  const { ctx, chartArea: area, scales } = chart;
  // Solid outlines, whatever dash the last curve left.
  ctx.setLineDash([]);
  for (const m of model.markers) {
    const x = scales.x.getPixelForValue(m.x);
    const y = scales.y.getPixelForValue(m.y);
    if (x < area.left || x > area.right || y < area.top || y > area.bottom) continue;
    const color = theme.series[m.colorIndex % theme.series.length];
    ctx.beginPath();
    if (m.shape === 'star') starPath(ctx, x, y, STAR_RADIUS);
    else ctx.arc(x, y, RING_RADIUS, 0, 2 * Math.PI);
    ctx.lineWidth = MARKER_LINE;
    ctx.strokeStyle = color;
    ctx.fillStyle = m.shape === 'ring' ? theme.background : color;
    ctx.fill();
    ctx.stroke();
  }
}

/** A five-pointed star of outer radius r around (x, y), for targets such as w*. */
function starPath(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    const px = x + radius * Math.cos(angle);
    const py = y + radius * Math.sin(angle);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}

/**
 * What a frame paints, worked out before it paints: the bands' rectangles and the labels' places (placing labels
 * needs the curves' pixels, not the canvas). A redraw of part of the plot needs it first, to know where the ink goes.
 */
export interface DecorationPlan {
  bands: BandRect[];
  labels: PlacedLabels;
}

export function planDecorations(chart: Chart, s: DecorationState): DecorationPlan {
  return { bands: bandRects(chart, s), labels: placeChartLabels(chart, s.model, s.theme) };
}

/** Bands and zero axes: under the curves; only inside `parts` when given. */
function paintBeneath(chart: Chart, s: DecorationState, plan: DecorationPlan, parts: Parts | null): void {
  drawBands(chart, plan.bands, parts);
  if (s.model.zeroAxes) drawZeroAxes(chart, s, parts);
}

/** A canvas that carries where its labels went (read by tests and by the block's key). */
export type LabelledCanvas = HTMLCanvasElement & { activationLabLabels?: LabelLayout };

/** Curves, then markers, then labels where no curve passes, all clipped to the plot area. */
function paintAbove(chart: Chart, s: DecorationState, plan: DecorationPlan): void {
  drawCurves(chart, s.model.lines, s.theme, () => {
    drawMarkers(chart, s);
    paintLabels(chart.ctx, plan.labels);
  });
  (chart.canvas as LabelledCanvas).activationLabLabels = plan.labels.layout;
  s.onLabels?.(plan.labels.layout);
}

/**
 * Everything the decorations paint, in the order the plugin paints it during a full Chart.js draw: for a redraw of
 * the plot area alone or of `parts` of it (see plot-frame.ts). What lies above the bands stays inside the plan's ink.
 */
export function paintDecorations(chart: Chart, s: DecorationState, plan: DecorationPlan, parts: Parts | null): void {
  paintBeneath(chart, s, plan, parts);
  paintAbove(chart, s, plan);
}

/**
 * Builds the plugin for one chart; `state()` returns what to paint now, and `painted` hears of every full draw's
 * plan once it is painted (what the canvas then holds).
 */
export function decorationsPlugin(
  state: () => DecorationState,
  painted?: (chart: Chart, plan: DecorationPlan) => void,
): Plugin<'line'> {
  let plan: DecorationPlan | null = null;
  return {
    id: 'activationLabDecorations',
    beforeDatasetsDraw: (chart) => {
      const s = state();
      plan = planDecorations(chart, s);
      paintBeneath(chart, s, plan, null);
    },
    afterDatasetsDraw: (chart) => {
      const s = state();
      const p = plan ?? planDecorations(chart, s);
      plan = null;
      paintAbove(chart, s, p);
      painted?.(chart, p);
    },
  };
}
