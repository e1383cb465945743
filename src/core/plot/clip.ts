/**
 * Clipping polylines to a rectangle (Liang–Barsky per segment). Charts draw lines whose x is not
 * monotonic (contour ellipses, weight paths); Chart.js looks up the visible part of such data by
 * binary search on x, so every point handed to it must lie inside the x range. Points outside are
 * replaced by the crossing points on the border and a NaN gap (which lifts the pen).
 */

/** An axis-aligned rectangle. */
export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The part [t0, t1] ⊆ [0, 1] of segment p→q inside the box, or undefined. */
function clipSegment(px: number, py: number, qx: number, qy: number, box: Box): [number, number] | undefined {
  const dx = qx - px;
  const dy = qy - py;
  if (!isFinite(dx) || !isFinite(dy)) return undefined;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, px - box.xMin],
    [dx, box.xMax - px],
    [-dy, py - box.yMin],
    [dy, box.yMax - py],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return undefined;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return undefined;
      if (r < t1) t1 = r;
    }
  }
  return [t0, t1];
}

const inside = (x: number, y: number, b: Box) => x >= b.xMin && x <= b.xMax && y >= b.yMin && y <= b.yMax;

/**
 * The polyline restricted to `box`: unchanged when it lies inside; otherwise each piece that leaves
 * ends on the border, a gap point (x inside the box, y NaN) separates pieces. NaN in y is a gap too.
 */
export function clipPolyline(xs: readonly number[], ys: readonly number[], box: Box): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  // Clamping only removes rounding: every pushed point is on the segment's part inside the box.
  const push = (px: number, py: number) => {
    x.push(Math.min(box.xMax, Math.max(box.xMin, px)));
    y.push(Math.min(box.yMax, Math.max(box.yMin, py)));
  };
  // Every pushed y is finite (clipSegment refuses non-finite points), so any earlier output is a piece to separate.
  const gap = (px: number) => {
    if (y.length > 0) {
      x.push(Math.min(box.xMax, Math.max(box.xMin, px)));
      y.push(NaN);
    }
  };
  if (xs.length === 1 && inside(xs[0], ys[0], box)) push(xs[0], ys[0]);
  let penAt = -1; // index of the input point the last output point equals, or −1
  for (let i = 0; i + 1 < xs.length; i++) {
    const [px, py, qx, qy] = [xs[i], ys[i], xs[i + 1], ys[i + 1]];
    const part = clipSegment(px, py, qx, qy, box); // undefined beside a NaN or infinite point: a gap
    if (!part || part[0] >= part[1]) continue; // outside, or only touching the border
    const [t0, t1] = part;
    if (!(penAt === i && t0 === 0)) {
      // px + 0·(qx − px) is px exactly (up to the sign of a zero), so an unclipped start needs no special case.
      const ax = px + t0 * (qx - px);
      gap(ax);
      push(ax, py + t0 * (qy - py));
    }
    // px + 1·(qx − px) may round away from qx: an unclipped end is the point itself, so an inside polyline comes back
    // unchanged.
    if (t1 === 1) push(qx, qy);
    else push(px + t1 * (qx - px), py + t1 * (qy - py));
    penAt = t1 === 1 ? i + 1 : -1;
  }
  return { x, y };
}
