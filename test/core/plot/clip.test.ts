/**
 * Clipping a polyline to the plot window: where each piece meets the border, computed by hand from the line through
 * the two points (y − y₀ = slope·(x − x₀)), and where the pen lifts.
 */
import { describe, expect, it } from 'vitest';
import { clipPolyline, type Box } from '../../../src/core/plot/clip';

const box: Box = { xMin: 0, xMax: 10, yMin: 0, yMax: 10 };
/** The output with gaps written as 'gap', so the pen's lifts read in the expectation. */
const clip = (xs: number[], ys: number[], b: Box = box) => {
  const out = clipPolyline(xs, ys, b);
  return { x: out.x, y: out.y.map((v) => (Number.isNaN(v) ? 'gap' : v)) };
};

describe('clipPolyline', () => {
  it('returns an inside polyline bit for bit, even where px + (qx − px) would round', () => {
    // 0.3 + (0.9 − 0.3) is 0.9000000000000001 in doubles: the end of an unclipped segment must be the point itself.
    expect(0.3 + (0.9 - 0.3)).not.toBe(0.9);
    expect(clip([0.3, 0.9, 0.3], [0.3, 0.9, 0.3])).toEqual({ x: [0.3, 0.9, 0.3], y: [0.3, 0.9, 0.3] });
  });

  it('starts a diagonal entering through each edge at its true crossing, not at the clamped outside point', () => {
    // (−5, 0) → (5, 10): y = x + 5 crosses x = 0 at y = 5 (clamping the start would give (0, 0)).
    expect(clip([-5, 5], [0, 10])).toEqual({ x: [0, 5], y: [5, 10] });
    // (15, 2) → (5, 7): y = 2 + (15 − x)/2 crosses x = 10 at y = 4.5.
    expect(clip([15, 5], [2, 7])).toEqual({ x: [10, 5], y: [4.5, 7] });
    // (2, −4) → (6, 4): x = 2 + (y + 4)/2 crosses y = 0 at x = 4.
    expect(clip([2, 6], [-4, 4])).toEqual({ x: [4, 6], y: [0, 4] });
    // (8, 16) → (2, 4): x = 2 + (y − 4)/2 crosses y = 10 at x = 5.
    expect(clip([8, 2], [16, 4])).toEqual({ x: [5, 2], y: [10, 4] });
  });

  it('ends a diagonal leaving through each edge at its true crossing', () => {
    // The same four lines walked the other way.
    expect(clip([5, -5], [10, 0])).toEqual({ x: [5, 0], y: [10, 5] });
    expect(clip([5, 15], [7, 2])).toEqual({ x: [5, 10], y: [7, 4.5] });
    expect(clip([6, 2], [4, -4])).toEqual({ x: [6, 4], y: [4, 0] });
    expect(clip([2, 8], [4, 16])).toEqual({ x: [2, 5], y: [4, 10] });
  });

  it('keeps only the middle of a segment crossing the whole window', () => {
    // (−2, 1) → (12, 8): y = 1 + (x + 2)/2, so (0, 2) to (10, 7).
    expect(clip([-2, 12], [1, 8])).toEqual({ x: [0, 10], y: [2, 7] });
  });

  it('lifts the pen where a curve leaves and comes back, with the gap at the re-entry x', () => {
    // Up through the top at x = 3 ((2, 5) → (4, 15): y = 5x − 5), back down at x = 5 ((4, 15) → (6, 5): y = 35 − 5x).
    expect(clip([2, 4, 6], [5, 15, 5])).toEqual({ x: [2, 3, 5, 5, 6], y: [5, 10, 'gap', 10, 5] });
  });

  it('drops segments outside the window, and one that only touches a corner', () => {
    expect(clip([-5, -1], [5, 8])).toEqual({ x: [], y: [] });
    // (−6, 5) → (4, 15) (y = x + 11) passes above the window: it enters x ≥ 0 only once y > 10.
    expect(clip([-6, 4], [5, 15])).toEqual({ x: [], y: [] });
    // (5, −10) → (15, 0) (y = x − 15) leaves through x = 10 before it could reach y = 0.
    expect(clip([5, 15], [-10, 0])).toEqual({ x: [], y: [] });
    // (−5, 5) → (5, 15) (y = x + 10) meets the window in the corner (0, 10) only.
    expect(clip([-5, 5], [5, 15])).toEqual({ x: [], y: [] });
  });

  it('keeps a segment lying along the border', () => {
    expect(clip([2, 8], [0, 0])).toEqual({ x: [2, 8], y: [0, 0] });
    expect(clip([10, 10], [3, 9])).toEqual({ x: [10, 10], y: [3, 9] });
  });

  it('treats NaN and infinite points as gaps: no segment to or from them', () => {
    expect(clip([1, 2, 3, 4], [1, NaN, 3, 4])).toEqual({ x: [3, 4], y: [3, 4] });
    expect(clip([-Infinity, 5, 6], [5, 5, 6])).toEqual({ x: [5, 6], y: [5, 6] });
    expect(clip([5, 6, 7], [5, Infinity, 7])).toEqual({ x: [], y: [] });
    // A gap first, then an inside line: the line is drawn from its first point.
    expect(clip([1, 2, 3], [NaN, 5, 5])).toEqual({ x: [2, 3], y: [5, 5] });
  });

  it('keeps a single point inside or on the border, and drops one outside on any side', () => {
    for (const [x, y] of [
      [5, 5],
      [0, 5],
      [10, 5],
      [5, 0],
      [5, 10],
    ])
      expect(clip([x], [y])).toEqual({ x: [x], y: [y] });
    for (const [x, y] of [
      [-1, 5],
      [11, 5],
      [5, -1],
      [5, 11],
    ])
      expect(clip([x], [y])).toEqual({ x: [], y: [] });
  });

  it('starts a new piece at the true crossing after a point that rounding put on the border', () => {
    // In doubles 1 − (−1e16) rounds to 1e16, so the segment (−1e16, 0) → (1, 0) seems to end inside the window
    // x ≤ 0; its end is clamped to (0, 0). The next segment (1, 0) → (−1, 2) (y = 1 − x) enters at (0, 1): a new
    // piece, not a line on from (0, 0).
    const b: Box = { xMin: -1e17, xMax: 0, yMin: -10, yMax: 10 };
    expect(clip([-1e16, 1, -1], [0, 0, 2], b)).toEqual({ x: [-1e16, 0, 0, 0, -1], y: [0, 0, 'gap', 1, 2] });
  });
});
