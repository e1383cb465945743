/**
 * Where chart labels go so that no curve crosses them and none overlaps another: each label offers
 * candidate positions in order of preference and takes the first one that is inside the plot, clear of
 * every curve segment and of the labels and marks already placed. A label with no free position is left
 * to the caller, which numbers it and explains it in a key. Pure geometry in canvas pixels.
 */

/** An axis-aligned rectangle, top-left origin, in pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One label to place: its size and the top-left corners it may take, best first. */
export interface LabelRequest {
  width: number;
  height: number;
  candidates: readonly { left: number; top: number }[];
}

/** Columns this wide index the obstacles; a rectangle test reads only the columns it spans. */
const COLUMN = 4;

/**
 * Curves and boxes to keep clear of, indexed by pixel column: each column holds the y intervals the
 * curves cover within it (exactly, by interpolating each segment at the column's edges), padded by `pad`.
 */
export class Obstacles {
  private readonly columns: number[][];
  private readonly boxes: Box[] = [];

  /** Curves are indexed between `left` and `right` only: a label that can only go in one part of the plot needs only that part. */
  constructor(
    private readonly left: number,
    private readonly right: number,
    private readonly pad = 2,
  ) {
    this.columns = [];
    for (let c = Math.max(1, Math.ceil((right - left) / COLUMN) + 1); c > 0; c--) this.columns.push([]);
  }

  /**
   * Adds a polyline; a non-finite coordinate lifts the pen. Each segment covers, in every column it crosses, the y
   * interval between its heights at the column's edges (or its ends), merged with the column's last interval when they
   * touch (consecutive segments of one curve). One loop over locals: it runs for every sample of every curve on
   * every slider frame.
   */
  addPolyline(xs: ArrayLike<number>, ys: ArrayLike<number>): void {
    const { left, right, columns } = this;
    const lastColumn = columns.length - 1;
    // This loop often runs before the engine's top tier has compiled it, where each call costs more than the arithmetic
    // around it: plain comparisons and index stores rather than Math.min/max and push, and each point read and checked
    // once, for the segments on both sides of it (`v - v === 0` is Number.isFinite for a number: NaN and ±Infinity
    // give NaN).
    let bx = xs[0];
    let by = ys[0];
    let finiteB = bx - bx === 0 && by - by === 0;
    for (let i = 1; i < xs.length; i++) {
      const ax = bx;
      const ay = by;
      const finiteA = finiteB;
      bx = xs[i];
      by = ys[i];
      finiteB = bx - bx === 0 && by - by === 0;
      if (!(finiteA && finiteB)) continue;
      if ((ax < left && bx < left) || (ax > right && bx > right)) continue;
      // Left to right.
      const flip = bx < ax;
      const x1 = flip ? bx : ax;
      const y1 = flip ? by : ay;
      const x2 = flip ? ax : bx;
      const y2 = flip ? ay : by;
      // `| 0` truncates where Math.floor would round down, which differs only below 0: clamped to 0 for `first`, and
      // `last` is never there (x2 ≥ left, else the segment was skipped above).
      let first = ((x1 - left) / COLUMN) | 0;
      if (first < 0) first = 0;
      let last = ((x2 - left) / COLUMN) | 0;
      if (last > lastColumn) last = lastColumn;
      const vertical = x2 === x1;
      const slope = vertical ? 0 : (y2 - y1) / (x2 - x1);
      for (let c = first; c <= last; c++) {
        const edge = left + c * COLUMN;
        const next = left + (c + 1) * COLUMN;
        const from = x1 > edge ? x1 : edge;
        const to = x2 < next ? x2 : next;
        const ya = vertical ? y1 : y1 + slope * (from - x1);
        const yb = vertical ? y2 : y1 + slope * (to - x1);
        const low = ya < yb ? ya : yb;
        const high = ya < yb ? yb : ya;
        const spans = columns[c];
        const n = spans.length;
        if (n > 0 && low <= spans[n - 1] + 1 && high >= spans[n - 2] - 1) {
          if (low < spans[n - 2]) spans[n - 2] = low;
          if (high > spans[n - 1]) spans[n - 1] = high;
        } else {
          spans[n] = low;
          spans[n + 1] = high;
        }
      }
    }
  }

  /** Adds a rectangle (a placed label, a marker's dot). */
  addBox(box: Box): void {
    this.boxes.push(box);
  }

  /** True when `box` (grown by the padding) touches a curve or a box. */
  hits(box: Box): boolean {
    const { pad, left, columns, boxes } = this;
    const top = box.top - pad;
    const bottom = box.top + box.height + pad;
    const first = Math.max(0, Math.floor((box.left - pad - left) / COLUMN));
    const last = Math.min(columns.length - 1, Math.floor((box.left + box.width + pad - left) / COLUMN));
    for (let c = first; c <= last; c++) {
      const spans = columns[c];
      for (let k = 0; k < spans.length; k += 2) if (spans[k] <= bottom && spans[k + 1] >= top) return true;
    }
    // Boxes need only a pixel between them (labels in adjacent strip lanes sit 1 px apart); curves need the padding.
    for (let i = 0; i < boxes.length; i++) if (overlaps(boxes[i], box, 1)) return true;
    return false;
  }
}

/** True when the rectangles overlap or come closer than `gap`. */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return (
    a.left < b.left + b.width + gap &&
    b.left < a.left + a.width + gap &&
    a.top < b.top + b.height + gap &&
    b.top < a.top + a.height + gap
  );
}

/** True when `box` lies wholly inside `bounds`. */
function inside(box: Box, bounds: Box): boolean {
  return (
    box.left >= bounds.left &&
    box.top >= bounds.top &&
    box.left + box.width <= bounds.left + bounds.width &&
    box.top + box.height <= bounds.top + bounds.height
  );
}

/**
 * Places labels in order (earlier ones get the better spots): each takes its first candidate inside `bounds`
 * that hits nothing in the first obstacle set, else in the next (a more lenient one: solid curves only, say),
 * and becomes an obstacle for the rest. `null` where none is free.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: Obstacles | readonly Obstacles[],
  bounds: Box,
): (Box | null)[] {
  const sets: readonly Obstacles[] = obstacles instanceof Obstacles ? [obstacles] : obstacles;
  return requests.map((r) => {
    for (const set of sets) {
      for (const c of r.candidates) {
        const box = { left: c.left, top: c.top, width: r.width, height: r.height };
        if (!inside(box, bounds) || set.hits(box)) continue;
        for (const s of sets) s.addBox(box);
        return box;
      }
    }
    return null;
  });
}

/** Top-left corners around a point (a marker), nearest first: right/left, above/below, then centred, at growing distances. */
export function aroundPoint(x: number, y: number, width: number, height: number): { left: number; top: number }[] {
  const out: { left: number; top: number }[] = [];
  for (const d of [6, 14, 26, 42]) {
    out.push(
      { left: x + d, top: y - d - height },
      { left: x + d, top: y + d },
      { left: x - d - width, top: y - d - height },
      { left: x - d - width, top: y + d },
      { left: x - width / 2, top: y - d - 4 - height },
      { left: x - width / 2, top: y + d + 4 },
      { left: x + d + 2, top: y - height / 2 },
      { left: x - d - 2 - width, top: y - height / 2 },
    );
  }
  return out;
}

/** Top-left corners inside a vertical strip [left, right] of rows from `top` down to `bottom`: left-, right-aligned and centred. */
export function inStrip(
  left: number,
  right: number,
  top: number,
  bottom: number,
  width: number,
  height: number,
  fromBottom = false,
): { left: number; top: number }[] {
  const xs = [left + 4, right - 4 - width, (left + right - width) / 2];
  const rows: number[] = [];
  for (let y = top; y + height <= bottom; y += Math.max(4, Math.round(height / 2))) rows.push(y);
  if (fromBottom) rows.reverse();
  return rows.flatMap((y) => xs.map((x) => ({ left: x, top: y })));
}
