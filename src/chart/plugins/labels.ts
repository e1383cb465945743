/**
 * Band and marker labels, placed where no curve passes (core/plot/label-placement.ts) and painted on top of
 * everything. A label with no free spot becomes a small number on the chart, and the caller lists
 * "number — label" in a key under the legend. Everything stays inside the plot area.
 */
import type { Chart } from 'chart.js';
import {
  aroundPoint,
  inStrip,
  Obstacles,
  placeLabels,
  type Box,
  type LabelRequest,
} from '../../core/plot/label-placement';
import type { LineChartModel } from '../../blocks/line-chart-model';
import { linePixels } from './pixels';
import type { Theme } from '../theme';
import { withAlpha } from '../theme';

/** Font size of labels on the chart; strip labels use one px less, so they fit in their 12 px lane. */
const LABEL_FONT_PX = 11;
/** Height of one strip lane when several functions share a chart (decorations.ts draws the strips). */
export const LANE = 13;

/** A label that had to go into the key: its text and colour. */
export interface KeyedLabel {
  text: string;
  colorIndex: number;
}

/** Where the labels went, in CSS pixels, with the frame they were placed in (tests read it from the canvas). */
export interface LabelLayout {
  area: Box;
  x: { min: number; max: number; type: string };
  y: { min: number; max: number; type: string };
  labels: { text: string; box: Box }[];
  keyed: KeyedLabel[];
}

/** One label waiting for a spot: what it says, its colour, and where it may go. */
interface Pending {
  text: string;
  color: string;
  colorIndex: number;
  /** Font size in px; the label's box is the text plus air above and below (1 px in a strip lane, else 2). */
  px: number;
  /** Candidates for the full label and for its number badge. */
  spots: (width: number, height: number) => { left: number; top: number }[];
}

/** Text metrics by font and text: measureText shapes the text, and labels repeat on every slider frame. */
const metrics = new Map<string, TextMetrics>();

/**
 * Metrics of `text` in `font` on a middle baseline: its width and where its glyphs reach. The context's font is set
 * only to measure a text not seen before (setting it parses the font), and put back.
 */
function measure(ctx: CanvasRenderingContext2D, font: string, text: string): TextMetrics {
  const key = `${font}|${text}`;
  let m = metrics.get(key);
  if (!m) {
    if (metrics.size > 500) metrics.clear();
    ctx.save();
    ctx.font = font;
    ctx.textBaseline = 'middle';
    metrics.set(key, (m = ctx.measureText(text)));
    ctx.restore();
  }
  return m;
}

/**
 * The curves and marker dots in pixels, as obstacles: every line first, then (for a label with no spot clear
 * of faint lines such as contours) the solid ones alone. Curves are indexed only across [left, right], where
 * the labels may go.
 */
function obstaclesOf(chart: Chart, model: LineChartModel, left: number, right: number): Obstacles[] {
  const { scales } = chart;
  const all = new Obstacles(left, right);
  // The solid-only set is needed (and built) only when some line is faint; a slider frame builds one set.
  const solid = model.lines.some((l) => l.faint) ? new Obstacles(left, right) : null;
  for (const line of model.lines) {
    const { xs, ys } = linePixels(chart, line);
    all.addPolyline(xs, ys);
    if (solid && !line.faint) solid.addPolyline(xs, ys);
  }
  const sets = solid ? [all, solid] : [all];
  for (const m of model.markers) {
    const x = scales.x.getPixelForValue(m.x);
    const y = scales.y.getPixelForValue(m.y);
    const dot = { left: x - 5, top: y - 5, width: 10, height: 10 };
    if (isFinite(x) && isFinite(y)) for (const o of sets) o.addBox(dot);
  }
  return sets;
}

/** The labels the model asks for, in order of importance: bands first (they explain the shading), then markers. */
function pendingLabels(chart: Chart, model: LineChartModel, theme: Theme): Pending[] {
  const { chartArea: area, scales } = chart;
  const color = (i: number) => theme.series[i % theme.series.length];
  const lanes = model.bands.reduce((n, b) => Math.max(n, b.lane === undefined ? 0 : b.lane + 1), 0);
  const out: Pending[] = [];
  for (const band of model.bands) {
    const left = Math.max(area.left, scales.x.getPixelForValue(band.from));
    const right = Math.min(area.right, scales.x.getPixelForValue(band.to));
    if (!band.label || !(right > left)) continue;
    const strip = band.lane !== undefined;
    const laneTop = area.bottom - LANE * ((band.lane ?? 0) + 1);
    out.push({
      text: band.label,
      color: withAlpha(color(band.colorIndex), 0.95),
      colorIndex: band.colorIndex,
      px: strip ? LABEL_FONT_PX - 1 : LABEL_FONT_PX,
      // A strip's label sits in its lane if the lane is free there, else just above the lanes; a full band's anywhere inside it.
      spots: (w, h) =>
        strip
          ? [
              ...inStrip(left, right, laneTop, laneTop + LANE - 1, w, h),
              ...inStrip(left, right, area.top + 2, area.bottom - LANE * lanes - 2, w, h, true),
            ]
          : inStrip(left, right, area.top + 2, area.bottom - 2, w, h),
    });
  }
  for (const m of model.markers) {
    const x = scales.x.getPixelForValue(m.x);
    const y = scales.y.getPixelForValue(m.y);
    if (!m.label || !(x >= area.left && x <= area.right && y >= area.top && y <= area.bottom)) continue;
    out.push({
      text: m.label,
      color: theme.text,
      colorIndex: m.colorIndex,
      px: LABEL_FONT_PX,
      spots: (w, h) => aroundPoint(x, y, w, h),
    });
  }
  return out;
}

/** The horizontal extent of every candidate box (inside the plot area), widened by a column for the padding. */
function candidateSpan(
  requests: readonly LabelRequest[],
  area: { left: number; right: number },
): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  // Indexed, not for…of: a slider frame runs this before V8's optimising tiers, where each step of an iterator allocates.
  for (const { candidates: cs, width } of requests) {
    for (let i = 0; i < cs.length; i++) {
      left = Math.min(left, cs[i].left);
      right = Math.max(right, cs[i].left + width);
    }
  }
  return { left: Math.max(area.left, left - 8), right: Math.min(area.right, right + 8) };
}

/** One text to paint: where (left end, vertical middle), in which font and colour, and its metrics (where its glyphs reach). */
export interface LabelText {
  text: string;
  font: string;
  color: string;
  x: number;
  y: number;
  m: TextMetrics;
}

/** Labels placed and not yet painted: the layout (what the key and the tests read) and the texts to paint. */
export interface PlacedLabels {
  layout: LabelLayout;
  texts: LabelText[];
}

/** Places the labels of `model` where no curve passes (labels without a spot get a number, their words go to the key). */
export function placeChartLabels(chart: Chart, model: LineChartModel, theme: Theme): PlacedLabels {
  const { ctx, chartArea: area, scales } = chart;
  const bounds = { left: area.left, top: area.top, width: area.right - area.left, height: area.bottom - area.top };
  const layout: LabelLayout = {
    area: bounds,
    x: { min: scales.x.min, max: scales.x.max, type: model.x.type },
    y: { min: scales.y.min, max: scales.y.max, type: model.y.type },
    labels: [],
    keyed: [],
  };
  const texts: LabelText[] = [];
  const pending = pendingLabels(chart, model, theme);
  if (pending.length === 0) return { layout, texts };
  const fonts: Record<number, string> = {};
  for (const p of pending) fonts[p.px] ??= `${p.px}px ${theme.font}`;
  const heightOf = (p: Pending) => p.px + (p.px < LABEL_FONT_PX ? 2 : 4);
  const measured = pending.map((p) => measure(ctx, fonts[p.px], p.text));
  const requests: LabelRequest[] = pending.map((p, i) => {
    const width = Math.ceil(measured[i].width) + 2;
    return { width, height: heightOf(p), candidates: p.spots(width, heightOf(p)) };
  });
  // A narrower number badge has candidates inside the same span, so this span covers every box tried below.
  const span = candidateSpan(requests, area);
  const obstacles = obstaclesOf(chart, model, span.left, span.right);
  const boxes = placeLabels(requests, obstacles, bounds);
  boxes.forEach((box, i) => {
    const p = pending[i];
    const font = fonts[p.px];
    if (box) {
      texts.push({
        text: p.text,
        font,
        color: p.color,
        x: box.left + 1,
        y: box.top + box.height / 2,
        m: measured[i],
      });
      layout.labels.push({ text: p.text, box });
      return;
    }
    // No free spot: a number here, the words in the key.
    layout.keyed.push({ text: p.text, colorIndex: p.colorIndex });
    const badge = `[${layout.keyed.length}]`;
    const m = measure(ctx, font, badge);
    const width = Math.ceil(m.width) + 6;
    const [spot] = placeLabels(
      [{ width, height: heightOf(p), candidates: p.spots(width, heightOf(p)) }],
      obstacles,
      bounds,
    );
    if (!spot) return;
    texts.push({ text: badge, font, color: p.color, x: spot.left + 3, y: spot.top + spot.height / 2, m });
    layout.labels.push({ text: badge, box: spot });
  });
  return { layout, texts };
}

/**
 * Paints placed labels, leaving the context's font, colour and baseline set (the caller saves and restores it, as
 * drawCurves does around its `above`). Font and colour are set only when they change: setting either parses the
 * string, and labels mostly share both.
 */
export function paintLabels(ctx: CanvasRenderingContext2D, { texts }: PlacedLabels): void {
  ctx.textBaseline = 'middle';
  let font = '';
  let color = '';
  for (const t of texts) {
    if (t.font !== font) ctx.font = font = t.font;
    if (t.color !== color) ctx.fillStyle = color = t.color;
    ctx.fillText(t.text, t.x, t.y);
  }
}
