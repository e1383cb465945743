/**
 * Hover read-out support: a vertical line that follows the pointer (mouse and touch) and reports the
 * data-space x under it, so the block can print exact f(x) and f′(x) rather than the nearest sample.
 */
import type { Chart, Plugin } from 'chart.js';
import { clipToWholePixels } from '../fill-within';

/** Called with the x under the pointer, or null when the pointer leaves. */
export type CrosshairListener = (x: number | null) => void;

/**
 * The plugin, plus `paint` for a redraw of the plot area alone (see plot-frame.ts), `moveTo` for the keyboard and
 * `follow` for the pointer (pointer.ts: a point in the canvas's CSS pixels, null when it left).
 */
export type CrosshairPlugin = Plugin<'line'> & {
  paint(chart: Chart): void;
  /** The column the line covers now (CSS px, its left edge; it is 1 px wide), or null when it is hidden. */
  column(): number | null;
  moveTo(chart: Chart, x: number | null): void;
  follow(chart: Chart, at: { x: number; y: number } | null): void;
};

/**
 * Builds the plugin for one chart; `color()` gives the line colour at draw time. `repaintPlot()` redraws the
 * plot area alone when it can (the line moved, nothing else did) and returns false when Chart.js must render.
 */
export function crosshairPlugin(
  onMove: CrosshairListener,
  color: () => string,
  repaintPlot: () => boolean,
): CrosshairPlugin {
  let pixelX: number | null = null;
  const paint = (chart: Chart): void => {
    if (pixelX === null) return;
    const { ctx, chartArea: area } = chart;
    ctx.save();
    // Inside the plot area, clipped as the curves are: at the area's right end the line's pixel column may lie past it.
    clipToWholePixels(ctx, area, chart.currentDevicePixelRatio);
    ctx.strokeStyle = color();
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(Math.round(pixelX) + 0.5, area.top);
    ctx.lineTo(Math.round(pixelX) + 0.5, area.bottom);
    ctx.stroke();
    ctx.restore();
  };
  return {
    paint,
    column: () => (pixelX === null ? null : Math.round(pixelX)),
    moveTo(chart, x) {
      pixelX = x === null ? null : chart.scales.x.getPixelForValue(x);
      onMove(x);
      if (!repaintPlot()) chart.render();
    },
    id: 'activationLabCrosshair',
    follow(chart, at) {
      const area = chart.chartArea;
      const inside = at !== null && at.x >= area.left && at.x <= area.right && at.y >= area.top && at.y <= area.bottom;
      const next = inside ? at.x : null;
      if (next === pixelX) return;
      pixelX = next;
      onMove(next === null ? null : (chart.scales.x.getValueForPixel(next) ?? null));
      if (!repaintPlot()) chart.render();
    },
    afterDraw: paint,
  };
}
