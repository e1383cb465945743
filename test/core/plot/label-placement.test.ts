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
