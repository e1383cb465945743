/**
 * Where a chart frame put the ink that can change from one frame to the next (curves, markers, labels, band
 * edges, the crosshair), coarsely: the plot is cut into vertical strips STRIP px wide, and each strip records
 * which 1 px rows hold such ink. A frame that changes only these (a slider moved, the pointer moved) needs to
 * repaint only the rows where the last frame or this one put ink; everything else on the canvas is already what
 * a full draw would paint. Pure geometry in canvas CSS pixels; every mark errs on the side of covering more.
 */

/** Width of a strip in CSS px: narrow enough that a curve's rows in it are few, wide enough that the rectangles are. */
export const STRIP = 32;

/**
 * Axis-aligned rectangles in CSS px (whole pixels), flat: left, top, width and height of each in turn (one array,
 * read in the cold code of a slider's first frames, rather than an object or a tuple each).
 */
export type Rects = number[];

/** The part of a canvas a map covers: the plot area, in CSS px. */
export interface InkArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One frame's ink (see the module comment); the methods mark it, `inkedWith` reads it. */
export interface InkMap {
  /** True when `area` rounds to this map's edges: then this map can hold its ink. */
  fits(area: InkArea): boolean;
  /** Forgets all ink. */
  clear(): void;
  /** The rectangle [left, right] × [top, bottom] (infinite ends for every row or column). */
  addBox(left: number, top: number, right: number, bottom: number): void;
  /**
   * A stroked polyline: every point within `reach` of a segment (half the line width, plus a pixel for
   * anti-aliasing). A NaN coordinate lifts the pen (an infinite one marks more, never less).
   */
  addPolyline(xs: ArrayLike<number>, ys: ArrayLike<number>, reach: number): void;
  /**
   * The rectangles covering every cell inked here or in `other` (the map of the frame before, of the same area), top
   * to bottom within a strip; a rectangle continues into the next strip while that strip has a run of the same rows.
   * They do not overlap.
   */
  inkedWith(other: InkMap): Rects;
  /** The cells, one byte per strip and row, strip after strip: 1 where ink is (for `inkedWith`). */
  cells(): Uint8Array;
}

/** A map of `area` with no ink. */
export function inkMap(area: InkArea): InkMap {
  const edges = (a: InkArea) => {
    const left = Math.floor(a.left);
    const top = Math.floor(a.top);
    return [left, top, Math.max(left + 1, Math.ceil(a.right)), Math.max(top + 1, Math.ceil(a.bottom))];
  };
  const [left, top, right, bottom] = edges(area);
  const key = String(edges(area));
  const rows = bottom - top;
  const strips = Math.ceil((right - left) / STRIP);
  const cells = new Uint8Array(strips * rows);

  /** The strip holding x, clamped to the map. */
  const stripAt = (x: number): number => {
    const s = Math.floor((x - left) / STRIP);
    return s < 0 ? 0 : s >= strips ? strips - 1 : s;
  };
  /** Marks the rows [y0, y1] reaches into in strip `s`, within the map; a NaN bound marks nothing. */
  const mark = (s: number, y0: number, y1: number): void => {
    if (!(y1 > top && y0 < bottom)) return;
    const a = Math.max(0, Math.floor(y0) - top);
    // A mark of no height (a horizontal run on a row's edge) still touches a row.
    cells.fill(1, s * rows + a, s * rows + Math.max(a + 1, Math.min(rows, Math.ceil(y1) - top)));
  };
  const addBox = (x0: number, y0: number, x1: number, y1: number): void => {
    for (let s = stripAt(x0), last = stripAt(x1); s <= last; s++) mark(s, y0, y1);
  };

  return {
    fits: (a) => String(edges(a)) === key,
    clear: () => void cells.fill(0),
    addBox,
    // In each strip a segment covers the rows between its heights where it enters and leaves the strip widened by
    // `reach`, plus `reach` above and below: the nearest point on the segment of any inked point lies in that widened
    // strip. A NaN coordinate (a lifted pen) makes NaN heights, which mark nothing. Runs for every drawn vertex of every
    // curve on every slider frame, so one loop over locals.
    addPolyline(xs, ys, reach) {
      for (let i = 1; i < xs.length; i++) {
        const flip = xs[i] < xs[i - 1];
        const x1 = flip ? xs[i] : xs[i - 1];
        const y1 = flip ? ys[i] : ys[i - 1];
        const x2 = flip ? xs[i - 1] : xs[i];
        const y2 = flip ? ys[i - 1] : ys[i];
        // A segment wholly beside the map marks nothing (its heights at the map's edge would be extrapolated).
        if (x2 + reach < left || x1 - reach > right) continue;
        for (let s = stripAt(x1 - reach), last = stripAt(x2 + reach); s <= last; s++) {
          const edge = left + s * STRIP - reach;
          const next = edge + STRIP + 2 * reach;
          // A vertical segment covers its whole height; any other, its heights at the widened strip's edges.
          const ya = x2 === x1 ? y1 : y1 + ((y2 - y1) * ((x1 > edge ? x1 : edge) - x1)) / (x2 - x1);
          const yb = x2 === x1 ? y2 : y1 + ((y2 - y1) * ((x2 < next ? x2 : next) - x1)) / (x2 - x1);
          mark(s, (ya < yb ? ya : yb) - reach, (ya < yb ? yb : ya) + reach);
        }
      }
    },
    cells: () => cells,
    inkedWith(other) {
      const theirs = other.cells();
      const rects: Rects = [];
      // The rectangles open in the strip before, by first row, and this strip's (where each starts in `rects`).
      let open = new Map<number, number>();
      let next = new Map<number, number>();
      for (let s = 0; s < strips; s++) {
        const x = left + s * STRIP;
        const width = Math.min(STRIP, right - x);
        for (let r = 0, base = s * rows; r < rows;) {
          if ((cells[base + r] | theirs[base + r]) === 0) {
            r++;
            continue;
          }
          const start = r;
          while (r < rows && (cells[base + r] | theirs[base + r]) !== 0) r++;
          let at = open.get(start);
          if (at !== undefined && rects[at + 3] === r - start) rects[at + 2] += width;
          else {
            at = rects.length;
            rects.push(x, top + start, width, r - start);
          }
          next.set(start, at);
        }
        [open, next] = [next, open];
        next.clear();
      }
      return rects;
    },
  };
}
