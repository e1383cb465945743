import { describe, expect, it } from 'vitest';
import { aroundPoint, inStrip, Obstacles, overlaps, placeLabels } from '../../../src/core/plot/label-placement';

const bounds = { left: 0, top: 0, width: 200, height: 100 };

describe('label placement', () => {
  it('skips a candidate a curve crosses and takes the next free one', () => {
    const o = new Obstacles(0, 200);
    // The diagonal y = x / 2 crosses the first candidate (10..50, 0..15 at x = 10..30) but not the second (150..190, 5..20).
    o.addPolyline([0, 200], [0, 100]);
    const [box] = placeLabels(
      [
        {
          width: 40,
          height: 15,
          candidates: [
            { left: 10, top: 0 },
            { left: 150, top: 5 },
          ],
        },
      ],
      o,
      bounds,
    );
    expect(box).toEqual({ left: 150, top: 5, width: 40, height: 15 });
  });

  it('keeps the padding around curves: a label 1 px from a line is refused, 3 px away is fine', () => {
    const o = new Obstacles(0, 200, 2);
    o.addPolyline([0, 200], [50, 50]);
    expect(o.hits({ left: 10, top: 51, width: 20, height: 10 })).toBe(true);
    expect(o.hits({ left: 10, top: 53, width: 20, height: 10 })).toBe(false);
    expect(o.hits({ left: 10, top: 37, width: 20, height: 10 })).toBe(false);
  });

  it('a sampled curve is hit wherever a geometric test says it touches a box', () => {
    // A sampled Sigmoid in pixels with a gap, against boxes all over the plot: the truth is the distance from the box
    // (grown by the padding) to each drawn segment, computed directly.
    const xs = Array.from({ length: 301 }, (_, i) => 3 + i * 0.65);
    const ys = xs.map((x, i) => (i >= 140 && i < 150 ? NaN : 90 - 80 / (1 + Math.exp(-(x - 100) / 12))));
    const o = new Obstacles(0, 200, 2);
    o.addPolyline(xs, ys);
    const touches = (box: { left: number; top: number; width: number; height: number }): boolean =>
      xs.some((x, i) => {
        if (i === 0 || Number.isNaN(ys[i]) || Number.isNaN(ys[i - 1])) return false;
        // The segment's y range over the box's x range (grown by 2), against the box's y range grown by 2.
        const [x0, x1, y0, y1] = [xs[i - 1], x, ys[i - 1], ys[i]];
        const from = Math.max(x0, box.left - 2);
        const to = Math.min(x1, box.left + box.width + 2);
        if (from > to) return false;
        const at = (u: number) => y0 + ((y1 - y0) * (u - x0)) / (x1 - x0);
        const [low, high] = [Math.min(at(from), at(to)), Math.max(at(from), at(to))];
        return low <= box.top + box.height + 2 && high >= box.top - 2;
      });
    let hits = 0;
    for (let left = -10; left < 200; left += 7)
      for (let top = -5; top < 100; top += 5) {
        const box = { left, top, width: 12, height: 6 };
        // Columns are 4 px wide, so a box may be refused up to a column early; never accepted on a curve.
        if (touches(box)) expect(o.hits(box)).toBe(true);
        hits += o.hits(box) ? 1 : 0;
      }
    expect(hits).toBeGreaterThan(50);
  });

  it('sees a steep segment inside one column and a gap where the pen lifts', () => {
    const o = new Obstacles(0, 200, 0);
    o.addPolyline([101, 102, NaN, 150, 151], [0, 100, NaN, 0, 100]);
    expect(o.hits({ left: 100, top: 40, width: 5, height: 5 })).toBe(true);
    expect(o.hits({ left: 120, top: 40, width: 10, height: 5 })).toBe(false);
    expect(o.hits({ left: 148, top: 90, width: 5, height: 5 })).toBe(true);
  });

  it('never overlaps labels, never leaves the bounds, and reports null when nothing is free', () => {
    const o = new Obstacles(0, 200);
    const same = {
      width: 60,
      height: 15,
      candidates: [
        { left: 0, top: 0 },
        { left: 0, top: 10 },
        { left: 0, top: 30 },
        { left: 190, top: 0 },
      ],
    };
    const boxes = placeLabels([same, same, same], o, bounds);
    expect(boxes[0]).toEqual({ left: 0, top: 0, width: 60, height: 15 });
    expect(boxes[1]).toEqual({ left: 0, top: 30, width: 60, height: 15 });
    expect(boxes[2]).toBeNull();
    expect(overlaps(boxes[0]!, boxes[1]!)).toBe(false);
  });

  it('falls back to a more lenient obstacle set (solid curves only) before giving up', () => {
    const all = new Obstacles(0, 200);
    const solid = new Obstacles(0, 200);
    all.addPolyline([0, 200], [20, 20]); // a faint contour through the only candidate
    const request = { width: 40, height: 15, candidates: [{ left: 10, top: 15 }] };
    expect(placeLabels([request], all, bounds)).toEqual([null]);
    const [box] = placeLabels([request], [all, solid], bounds);
    expect(box).toEqual({ left: 10, top: 15, width: 40, height: 15 });
    // Placed in one set, it blocks both.
    expect(all.hits({ left: 30, top: 60, width: 1, height: 1 })).toBe(false);
    expect(solid.hits({ left: 12, top: 17, width: 5, height: 5 })).toBe(true);
  });

  it('indexed across a window only, answers every box inside it exactly as a full index does', () => {
    // A zig-zag crossing the whole plot; boxes tried only between x = 60 and 120.
    const xs = Array.from({ length: 201 }, (_, i) => i);
    const ys = xs.map((x) => 50 + 40 * Math.sin(x / 7));
    const full = new Obstacles(0, 200);
    const window = new Obstacles(52, 128);
    full.addPolyline(xs, ys);
    window.addPolyline(xs, ys);
    let hits = 0;
    let tried = 0;
    for (let left = 60; left + 12 <= 120; left += 3) {
      for (let top = 0; top < 95; top += 5) {
        const box = { left, top, width: 12, height: 5 };
        expect(window.hits(box)).toBe(full.hits(box));
        tried++;
        if (full.hits(box)) hits++;
      }
    }
    // The comparison saw both answers.
    expect(hits).toBeGreaterThan(50);
    expect(hits).toBeLessThan(tried - 50);
  });

  it('offers spots around a point nearest first, and rows inside a strip from the top (or the bottom)', () => {
    const near = aroundPoint(100, 50, 20, 10);
    expect(near[0]).toEqual({ left: 106, top: 34 });
    const d = near.map((c) => Math.hypot(c.left + 10 - 100, c.top + 5 - 50));
    expect(d[0]).toBeLessThan(d[near.length - 1]);
    const rows = inStrip(10, 90, 0, 40, 30, 10);
    expect(rows[0]).toEqual({ left: 14, top: 0 });
    expect(rows[1]).toEqual({ left: 56, top: 0 });
    expect(rows.every((c) => c.top + 10 <= 40)).toBe(true);
    expect(inStrip(10, 90, 0, 40, 30, 10, true)[0].top).toBe(30);
  });
});

/**
 * The geometric truth for a box against drawn segments: does any segment come within `gx` px of the box horizontally
 * and `gy` px vertically (its y range over the box's widened x range against the box's widened y range)?
 */
function near(
  box: { left: number; top: number; width: number; height: number },
  polylines: readonly (readonly [number[], number[]])[],
  gx: number,
  gy: number,
): boolean {
  return polylines.some(([xs, ys]) =>
    xs.some((_, i) => {
      if (i === 0 || ![xs[i - 1], xs[i], ys[i - 1], ys[i]].every(Number.isFinite)) return false;
      const [x0, x1, y0, y1] =
        xs[i - 1] <= xs[i] ? [xs[i - 1], xs[i], ys[i - 1], ys[i]] : [xs[i], xs[i - 1], ys[i], ys[i - 1]];
      const from = Math.max(x0, box.left - gx);
      const to = Math.min(x1, box.left + box.width + gx);
      if (from > to) return false;
      const at = (u: number) => (x1 === x0 ? null : y0 + ((y1 - y0) * (u - x0)) / (x1 - x0));
      const ends = x1 === x0 ? [y0, y1] : [at(from)!, at(to)!];
      return Math.min(...ends) <= box.top + box.height + gy && Math.max(...ends) >= box.top - gy;
    }),
  );
}

describe('Obstacles against the geometry', () => {
  it('answers as the geometry does, up to one column: right-to-left, descending, vertical and separate curves', () => {
    // Curves drawn every way the index must handle: leftwards (a contour), steeply down within a column, vertical,
    // and separate horizontal lines above and below each other (their column intervals must stay apart).
    const polylines: [number[], number[]][] = [
      [
        [190, 150, 120, 60, 20],
        [10, 30, 12, 40, 25],
      ],
      [
        [101, 102, 103],
        [95, 55, 70],
      ],
      [
        [140, 140],
        [20, 80],
      ],
      [
        [0, 200],
        [90, 90],
      ],
      [
        [0, 200],
        [60, 60],
      ],
      [
        [0, 200],
        [75, 75],
      ],
    ];
    const o = new Obstacles(0, 200, 2);
    for (const [xs, ys] of polylines) o.addPolyline(xs, ys);
    let hits = 0;
    let free = 0;
    for (let left = -6; left < 200; left += 3)
      for (let top = -4; top < 100; top += 1.5) {
        const box = { left, top, width: 9, height: 3 };
        const hit = o.hits(box);
        // Touching within the padding is always a hit; a hit needs a curve within the padding vertically (and 1 px for
        // merged intervals) and within the padding plus one 4-px column horizontally.
        if (near(box, polylines, 2, 2)) expect(hit, JSON.stringify(box)).toBe(true);
        if (hit) expect(near(box, polylines, 2 + 4, 2 + 1), JSON.stringify(box)).toBe(true);
        if (hit) hits++;
        else free++;
      }
    expect(hits).toBeGreaterThan(300);
    expect(free).toBeGreaterThan(300);
  });

  it('counts a box touching a curve exactly at the padding as hit, from above and from below', () => {
    const o = new Obstacles(0, 200, 2);
    o.addPolyline([0, 200], [50, 50]);
    expect(o.hits({ left: 10, top: 38, width: 20, height: 10 })).toBe(true); // bottom 48 + 2 = 50
    expect(o.hits({ left: 10, top: 52, width: 20, height: 10 })).toBe(true); // top 52 − 2 = 50
    expect(o.hits({ left: 10, top: 37.9, width: 20, height: 10 })).toBe(false);
  });

  it('treats pieces of a curve less than a pixel apart as one (they touch): no gap between them is free', () => {
    // Two pieces in the column [100, 104), 0.5 px apart, drawn rising and falling; a thin box in the gap (no padding).
    for (const ys of [
      [10, 20, NaN, 20.5, 30],
      [20.5, 30, NaN, 10, 20],
    ]) {
      const o = new Obstacles(0, 200, 0);
      o.addPolyline([101, 102, NaN, 101, 102], ys);
      expect(o.hits({ left: 101, top: 20.1, width: 0.5, height: 0.2 })).toBe(true);
      expect(o.hits({ left: 101, top: 12, width: 0.5, height: 1 })).toBe(true);
      expect(o.hits({ left: 101, top: 27, width: 0.5, height: 1 })).toBe(true);
      expect(o.hits({ left: 101, top: 40, width: 0.5, height: 1 })).toBe(false);
    }
    // Two pieces 3 px apart stay apart.
    const o = new Obstacles(0, 200, 0);
    o.addPolyline([101, 102, NaN, 101, 102], [10, 20, NaN, 23, 30]);
    expect(o.hits({ left: 101, top: 21, width: 0.5, height: 1 })).toBe(false);
  });

  it('uses only the part of a segment inside each column', () => {
    // (102, 50) → (110, 130), slope 10: over x ∈ [98, 105] (a box's padded extent) it spans y 50 to 80, so a box
    // whose padded y range is [30, 42] is clear, though the segment's line extended to x = 100 would reach y = 30.
    const o = new Obstacles(0, 200, 2);
    o.addPolyline([102, 110], [50, 130]);
    expect(o.hits({ left: 100, top: 32, width: 3, height: 8 })).toBe(false);
    // The same segment ends at x = 110, inside the column [108, 112): below its end (y 130) the column is clear.
    expect(o.hits({ left: 111, top: 20, width: 3, height: 8 })).toBe(false);
    expect(o.hits({ left: 104, top: 62, width: 3, height: 8 })).toBe(true);
  });

  it('lifts the pen at infinite coordinates as at NaN', () => {
    for (const [xs, ys] of [
      [
        [Infinity, 100],
        [50, 50],
      ],
      [
        [100, Infinity],
        [50, 50],
      ],
      [
        [100, 100],
        [Infinity, 50],
      ],
      [
        [100, 100],
        [50, Infinity],
      ],
      [
        [-Infinity, 100],
        [50, 50],
      ],
      // From the first column to an infinite x, either way.
      [
        [2, Infinity],
        [50, 50],
      ],
      [
        [Infinity, 2],
        [50, 50],
      ],
    ]) {
      const o = new Obstacles(0, 200, 2);
      o.addPolyline(xs, ys);
      expect(o.hits({ left: 150, top: 45, width: 10, height: 10 })).toBe(false);
      expect(o.hits({ left: 40, top: 45, width: 10, height: 10 })).toBe(false);
      expect(o.hits({ left: 96, top: 60, width: 8, height: 8 })).toBe(false);
      expect(o.hits({ left: 4, top: 45, width: 4, height: 10 })).toBe(false);
    }
  });

  it('sees segments crossing or ending on the edges of its window, in both directions', () => {
    const box = (left: number) => ({ left, top: 46, width: 4, height: 4 });
    for (const [xs, at] of [
      [[30, 80], 52], // enters across the left edge
      [[80, 30], 52], // leaves across it
      [[50, 30], 50], // ends on the left edge, coming from outside
      [[30, 50], 50],
      [[120, 170], 146], // crosses the right edge
      [[170, 120], 146],
      [[150, 170], 146], // starts on the right edge
      [[170, 150], 146],
    ] as const) {
      const o = new Obstacles(50, 150, 2);
      o.addPolyline([...xs], [50, 50]);
      expect(o.hits(box(at)), xs.join(' → ')).toBe(true);
    }
  });

  it('indexes curves across its window only (the caller widens it past every candidate box)', () => {
    // Window [52, 128]: columns of 4 px from 52 up to [128, 132). A line across the whole plot is seen inside; a box
    // whose padded extent starts past the window's last column sees nothing.
    const o = new Obstacles(52, 128, 2);
    o.addPolyline([0, 200], [50, 50]);
    expect(o.hits({ left: 60, top: 45, width: 10, height: 10 })).toBe(true);
    expect(o.hits({ left: 125, top: 45, width: 2, height: 10 })).toBe(true);
    expect(o.hits({ left: 134, top: 45, width: 10, height: 10 })).toBe(false);
    // A short curve just beyond the window, though inside its last column's 4 px, is not indexed: a box whose padded
    // extent ends at 129 is 0.5 px clear of it.
    const beyond = new Obstacles(52, 128, 2);
    beyond.addPolyline([129.5, 131], [50, 50]);
    expect(beyond.hits({ left: 120, top: 45, width: 7, height: 10 })).toBe(false);
    // The last column holds a curve that only reaches into it from inside the window.
    const edge = new Obstacles(0, 200, 2);
    edge.addPolyline([197, 200], [50, 50]);
    expect(edge.hits({ left: 195, top: 45, width: 3, height: 10 })).toBe(true);
    // Likewise before the window: a curve ending 3 px left of it is not indexed into its first column, in either
    // direction, so a box whose padded extent starts 1 px right of the curve's end is clear.
    for (const xs of [
      [40, 49],
      [49, 40],
    ]) {
      const before = new Obstacles(52, 128, 2);
      before.addPolyline(xs, [50, 50]);
      expect(before.hits({ left: 52, top: 45, width: 6, height: 10 }), xs.join(' → ')).toBe(false);
    }
  });
});

describe('overlaps', () => {
  const a = { left: 0, top: 0, width: 10, height: 10 };
  it('is true within the gap on every side, false at exactly the gap and beyond', () => {
    const at = (left: number, top: number) => ({ left, top, width: 10, height: 10 });
    for (const [b, want] of [
      [at(10.5, 0), true], // right of a, 0.5 apart
      [at(11, 0), false], // exactly 1 apart
      [at(-10.5, 0), true], // left of a
      [at(-11, 0), false],
      [at(0, 10.5), true], // below
      [at(0, 11), false],
      [at(0, -10.5), true], // above
      [at(0, -11), false],
      [at(30, 0), false], // far apart in one direction only
      [at(-30, 0), false],
      [at(0, 30), false],
      [at(0, -30), false],
    ] as const) {
      expect(overlaps(a, b, 1), JSON.stringify(b)).toBe(want);
      expect(overlaps(b, a, 1), JSON.stringify(b)).toBe(want);
    }
    // Without a gap, boxes sharing an edge do not overlap.
    expect(overlaps(a, at(10, 0))).toBe(false);
    expect(overlaps(a, at(9.5, 9.5))).toBe(true);
  });
});

describe('placeLabels keeps labels inside the bounds', () => {
  it('refuses a candidate sticking out on any side by a pixel, and takes one that exactly fits', () => {
    const o = new Obstacles(0, 200);
    const place = (left: number, top: number) =>
      placeLabels([{ width: 40, height: 20, candidates: [{ left, top }] }], o, bounds)[0];
    expect(place(-1, 10)).toBeNull();
    expect(place(10, -1)).toBeNull();
    expect(place(161, 10)).toBeNull(); // right edge 201
    expect(place(10, 81)).toBeNull(); // bottom edge 101
    expect(place(0, 0)).toEqual({ left: 0, top: 0, width: 40, height: 20 });
    expect(place(160, 80)).toEqual({ left: 160, top: 80, width: 40, height: 20 });
  });
});

describe('candidate spots', () => {
  it('lists the spots around a point as drawn: corners, then above/below centred, then beside, at 6, 14, 26, 42 px', () => {
    // Point (100, 50), label 20 × 10, first distance 6: right-above (106, 50 − 6 − 10), right-below (106, 56),
    // left-above (100 − 6 − 20, 34), left-below (74, 56), centred above (90, 50 − 6 − 4 − 10), centred below (90, 60),
    // beside right (108, 45) and left (100 − 6 − 2 − 20, 45).
    const spots = aroundPoint(100, 50, 20, 10);
    expect(spots.slice(0, 8)).toEqual([
      { left: 106, top: 34 },
      { left: 106, top: 56 },
      { left: 74, top: 34 },
      { left: 74, top: 56 },
      { left: 90, top: 30 },
      { left: 90, top: 60 },
      { left: 108, top: 45 },
      { left: 72, top: 45 },
    ]);
    expect(spots).toHaveLength(32);
    expect(spots[31]).toEqual({ left: 36, top: 45 }); // 100 − 42 − 2 − 20
  });
  it('centres the third spot of a strip row', () => {
    // Strip [10, 90], label 30 wide: left-aligned 14, right-aligned 56, centred (10 + 90 − 30)/2 = 35.
    expect(inStrip(10, 90, 0, 40, 30, 10).slice(0, 3)).toEqual([
      { left: 14, top: 0 },
      { left: 56, top: 0 },
      { left: 35, top: 0 },
    ]);
  });
});
