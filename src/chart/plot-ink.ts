/**
 * The ink a chart's plot area holds from frame to frame (core/plot/ink-map.ts): what a redraw of part of the plot
 * area (plot-frame.ts) needs to know where to repaint. Curves, their dots, markers, labels and the crosshair are
 * marked where they reach; bands are compared with the frame before instead, since most of a band stays put.
 */
import type { Chart } from 'chart.js';
import { inkMap, type InkMap, type Rects } from '../core/plot/ink-map';
import { markerReach, type BandRect, type DecorationPlan, type DecorationState } from './plugins/decorations';
import { DOT_RADIUS, lineWidthOf } from './plugins/curves';
import { linePixels, lineVertices } from './plugins/pixels';

/** How far anti-aliasing reaches past a shape's edge, in CSS px, with room to spare (one device px at most). */
const BLUR = 1;

/** One frame's ink: the map and its bands. */
interface FrameInk {
  map: InkMap;
  bands: readonly BandRect[];
}

/** A painted frame: what it painted (`state`, `plan`) and the crosshair's column, if it shows. */
export interface PaintedFrame {
  state: DecorationState;
  plan: DecorationPlan;
  crosshair: number | null;
}

/** Marks into `map` what `frame` paints that can change between frames (joins are round: no further than half a line's width). */
function mark(chart: Chart, { state, plan, crosshair }: PaintedFrame, map: InkMap): void {
  const { scales } = chart;
  for (const line of state.model.lines) {
    const drawn = lineVertices(chart, line);
    map.addPolyline(drawn.xs, drawn.ys, lineWidthOf(line) / 2 + BLUR);
    if (!line.dots) continue;
    const { xs, ys } = linePixels(chart, line);
    const r = DOT_RADIUS + BLUR;
    for (let i = 0; i < xs.length; i++) map.addBox(xs[i] - r, ys[i] - r, xs[i] + r, ys[i] + r);
  }
  for (const m of state.model.markers) {
    const x = scales.x.getPixelForValue(m.x);
    const y = scales.y.getPixelForValue(m.y);
    const r = markerReach(m.shape) + BLUR;
    map.addBox(x - r, y - r, x + r, y + r);
  }
  // Where a label's glyphs reach (past its box, for a font's overhangs).
  for (const { x, y, m } of plan.labels.texts)
    map.addBox(
      x - m.actualBoundingBoxLeft - BLUR,
      y - m.actualBoundingBoxAscent - BLUR,
      x + m.actualBoundingBoxRight + BLUR,
      y + m.actualBoundingBoxDescent + BLUR,
    );
  if (crosshair !== null) map.addBox(crosshair - BLUR, -Infinity, crosshair + 1 + BLUR, Infinity);
}

/**
 * Marks into `map` the columns where a band of `after` differs from the same band `before` (an edge moved), or a whole
 * band that is new, gone or restyled.
 */
function markBandChanges(map: InkMap, before: readonly BandRect[], after: readonly BandRect[]): void {
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const a = before[i];
    const b = after[i];
    if (a && b && a.fill === b.fill && a.top === b.top && a.bottom === b.bottom) {
      for (const [p, q] of [
        [a.left, b.left],
        [a.right, b.right],
      ])
        if (p !== q) map.addBox(Math.min(p, q) - BLUR, a.top, Math.max(p, q) + BLUR, a.bottom);
      continue;
    }
    for (const r of [a, b]) if (r) map.addBox(r.left - BLUR, r.top - BLUR, r.right + BLUR, r.bottom + BLUR);
  }
}

/** The ink of one chart's canvas, as last painted. */
export interface PlotInk {
  /** A full draw painted `frame`: its ink is what the canvas holds now (marked when a repaint first needs it). */
  painted(chart: Chart, frame: PaintedFrame): void;
  /**
   * `frame` is about to be painted over the last: the rectangles where either puts ink, or null when the last is not
   * known in whole device pixels (then all of the plot area).
   */
  repaint(chart: Chart, frame: PaintedFrame): Rects | null;
  /** The canvas is gone. */
  forget(): void;
}

/** The plot area exactly, to tell whether a frame's pixels were worked out on the scales there now. */
const areaKey = ({ chartArea: a }: Chart): string => `${a.left} ${a.top} ${a.right} ${a.bottom}`;

export function plotInk(): PlotInk {
  let last: FrameInk | null = null;
  // A full draw's frame and its plot area, not marked yet: most charts are never dragged or hovered, and a note's
  // first render should not pay for their ink.
  let drawn: { frame: PaintedFrame; area: string } | null = null;
  // The map before the last, reused for the next frame (a typed array is dear to allocate).
  let spare: InkMap | null = null;
  const keep = (chart: Chart, frame: PaintedFrame): FrameInk => {
    const map = spare?.fits(chart.chartArea) ? spare : inkMap(chart.chartArea);
    map.clear();
    mark(chart, frame, map);
    spare = last?.map ?? null;
    return (last = { map, bands: frame.plan.bands });
  };
  return {
    painted(chart, frame) {
      if (last) spare = last.map;
      last = null;
      drawn = { frame, area: areaKey(chart) };
    },
    repaint(chart, frame) {
      // The last full draw, marked now on the scales it was drawn with (a new layout would have drawn the chart again).
      if (drawn?.area === areaKey(chart)) keep(chart, drawn.frame);
      drawn = null;
      // The map's whole CSS pixels are whole device pixels only at a whole pixel ratio.
      const before = last?.map.fits(chart.chartArea) && Number.isInteger(chart.currentDevicePixelRatio) ? last : null;
      const now = keep(chart, frame);
      if (!before) return null;
      markBandChanges(now.map, before.bands, now.bands);
      return now.map.inkedWith(before.map);
    },
    forget() {
      last = spare = drawn = null;
    },
  };
}
