/**
 * Filled rectangles on whole device pixels, and only inside given parts of the canvas when asked. A redraw of part
 * of the plot area (plot-frame.ts) repaints the grid, bands and zero axes piece by piece inside the parts where ink
 * changed, without a clip: a clip of many rectangles costs Chromium's software raster more than all the drawing
 * under it (measured by `npm run bench`). Whole device pixels make every piece the same pixels as the whole
 * rectangle: a pixel a rectangle covers in part is shaded by a coverage that Skia rounds differently for a piece
 * (measured: off by one in alpha), and at a pixel ratio of 1.5 a grid line 1 px wide would cover 1.5 pixels.
 */

/** Parts of the canvas, flat: left, top, width and height of each in turn, in CSS px, on whole device pixels. */
export type Parts = readonly number[];

/** An area's edges in CSS px. */
interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * `area` grown to whole device pixels: what a redraw of the plot area clears, and what the curves are clipped to. A clip
 * on whole pixels is a plain rectangle to Skia; one through a pixel shades every draw under it (measured in `npm run
 * bench`: 10 % of a slider frame's rasterising).
 */
export function wholePixels(area: Edges, dpr: number): Edges {
  return {
    left: Math.floor(area.left * dpr) / dpr,
    top: Math.floor(area.top * dpr) / dpr,
    right: Math.ceil(area.right * dpr) / dpr,
    bottom: Math.ceil(area.bottom * dpr) / dpr,
  };
}

/** Clips `ctx` to `area` grown to whole device pixels (the caller saves and restores around it). */
export function clipToWholePixels(ctx: CanvasRenderingContext2D, area: Edges, dpr: number): void {
  const { left, top, right, bottom } = wholePixels(area, dpr);
  ctx.beginPath();
  ctx.rect(left, top, right - left, bottom - top);
  ctx.clip();
}

/**
 * Fills the rectangle moved to whole device pixels (its left and top to the nearest, its width and height rounded, at
 * least one pixel), or its pieces inside `parts` (disjoint, so nothing is filled twice) when given.
 */
export function fillSnapped(
  ctx: CanvasRenderingContext2D,
  dpr: number,
  left: number,
  top: number,
  width: number,
  height: number,
  parts: Parts | null,
): void {
  const l = Math.round(left * dpr) / dpr;
  const t = Math.round(top * dpr) / dpr;
  const r = l + Math.max(1, Math.round(width * dpr)) / dpr;
  const b = t + Math.max(1, Math.round(height * dpr)) / dpr;
  if (!parts) {
    ctx.fillRect(l, t, r - l, b - t);
    return;
  }
  for (let i = 0; i < parts.length; i += 4) {
    const x0 = parts[i] > l ? parts[i] : l;
    const y0 = parts[i + 1] > t ? parts[i + 1] : t;
    const x1 = parts[i] + parts[i + 2] < r ? parts[i] + parts[i + 2] : r;
    const y1 = parts[i + 1] + parts[i + 3] < b ? parts[i + 1] + parts[i + 3] : b;
    if (x1 > x0 && y1 > y0) ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
  }
}
