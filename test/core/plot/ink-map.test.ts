import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inkMap, STRIP, type InkArea, type Rects } from '../../../src/core/plot/ink-map';

const AREA: InkArea = { left: 30.4, top: 9.6, right: 692.2, bottom: 280.8 };

/** The rectangles, one [left, top, width, height] each. */
function split(rects: Rects): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rects.length; i += 4) out.push(rects.slice(i, i + 4));
  return out;
}

/** True when pixel (x, y), a whole-pixel cell's top-left, lies in one of the rectangles. */
function covered(rects: Rects, x: number, y: number): boolean {
  for (let i = 0; i < rects.length; i += 4)
    if (x >= rects[i] && x < rects[i] + rects[i + 2] && y >= rects[i + 1] && y < rects[i + 1] + rects[i + 3])
      return true;
  return false;
}

/** The map's edges: the area rounded outwards to whole pixels. */
const [LEFT, TOP, RIGHT, BOTTOM] = [30, 9, 693, 281];

/** A coordinate in [min, max] with a fraction (fast-check's own doubles crowd around 0). */
const coordinate = (min: number, max: number) => fc.integer({ min: min * 1000, max: max * 1000 }).map((v) => v / 1000);

/** Points across the map and a little past it; some are gaps. */
const polyline = fc.array(
  fc.record({ x: coordinate(0, 720), y: fc.oneof({ weight: 4, arbitrary: coordinate(-20, 300) }, fc.constant(NaN)) }),
  { minLength: 2, maxLength: 12 },
);

describe('ink map', () => {
  it('covers every pixel within reach of a stroked polyline, and none a strip away from it', () => {
    fc.assert(
      fc.property(polyline, coordinate(0.5, 4), (points, reach) => {
        const map = inkMap(AREA);
        const xs = points.map((p) => p.x);
        const ys = points.map((p) => p.y);
        map.addPolyline(xs, ys, reach);
        const rects = map.inkedWith(inkMap(AREA));
        const segments: number[][] = [];
        for (let i = 1; i < xs.length; i++)
          if ([xs[i - 1], ys[i - 1], xs[i], ys[i]].every(Number.isFinite))
            segments.push([xs[i - 1], ys[i - 1], xs[i], ys[i]]);
        // Every point within `reach` of a segment, inside the map, lies in a covered pixel (points spread along each
        // segment and around it, up to just under the reach).
        for (const [ax, ay, bx, by] of segments)
          for (let k = 0; k <= 40; k++)
            for (let turn = 0; turn < 16; turn++)
              for (const r of [0, 0.5, 0.999]) {
                const px = ax + ((bx - ax) * k) / 40 + r * reach * Math.cos((turn * Math.PI) / 8);
                const py = ay + ((by - ay) * k) / 40 + r * reach * Math.sin((turn * Math.PI) / 8);
                if (px < LEFT || px >= RIGHT || py < TOP || py >= BOTTOM) continue;
                expect(covered(rects, Math.floor(px), Math.floor(py)), `${px},${py}`).toBe(true);
              }
        // And a covered pixel is never further from a segment than a strip's width (horizontally) and the reach plus
        // a pixel (vertically): what the strips and whole rows add.
        for (const [l, t, w, h] of split(rects))
          for (let y = t; y < t + h; y += 2)
            for (let x = l; x < l + w; x += 8) {
              const near = segments.some((s) => {
                for (let k = 0; k <= 64; k++) {
                  const sx = s[0] + ((s[2] - s[0]) * k) / 64;
                  const sy = s[1] + ((s[3] - s[1]) * k) / 64;
                  if (
                    Math.abs(sx - x) <= STRIP + reach + 12 &&
                    Math.abs(sy - y - 0.5) <= reach + 1.5 + Math.abs(s[3] - s[1]) / 64
                  )
                    return true;
                }
                return false;
              });
              expect(near, `${x},${y}`).toBe(true);
            }
      }),
      { numRuns: 40 },
    );
  }, 20_000);

  it('lifts the pen at a non-finite point: nothing between the pieces', () => {
    const map = inkMap(AREA);
    map.addPolyline([40, 100, 400, 600], [50, 50, NaN, 250], 2);
    const rects = map.inkedWith(inkMap(AREA));
    expect(covered(rects, 70, 50)).toBe(true);
    expect(covered(rects, 300, 150)).toBe(false);
    expect(covered(rects, 500, 200)).toBe(false);
  });

  it('joins the two frames: every cell inked in either, in rectangles that do not overlap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 300 }), fc.nat(80), fc.nat(40)), {
          maxLength: 8,
        }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 300 }), fc.nat(80), fc.nat(40)), {
          maxLength: 8,
        }),
        (before, after) => {
          const [a, b] = [inkMap(AREA), inkMap(AREA)];
          for (const [x, y, w, h] of before) a.addBox(x, y, x + w, y + h);
          for (const [x, y, w, h] of after) b.addBox(x, y, x + w, y + h);
          const rects = b.inkedWith(a);
          const all = split(rects);
          for (const [i, [l, t, w, h]] of all.entries())
            for (const [l2, t2, w2, h2] of all.slice(i + 1))
              expect(l < l2 + w2 && l2 < l + w && t < t2 + h2 && t2 < t + h, 'overlap').toBe(false);
          // A box marks the whole strips it reaches, between the rows it touches (within the map).
          const inked = (x: number, y: number) =>
            [...before, ...after].some(([bx, by, w, h]) => {
              const strip = (v: number) =>
                Math.min(Math.ceil((RIGHT - LEFT) / STRIP) - 1, Math.max(0, Math.floor((v - LEFT) / STRIP)));
              const s = strip(x);
              const top = Math.max(TOP, Math.floor(by));
              const bottom = Math.max(top + 1, Math.min(BOTTOM, Math.ceil(by + h)));
              return s >= strip(bx) && s <= strip(bx + w) && y >= top && y < bottom && by + h > TOP && by < BOTTOM;
            });
          for (let y = TOP; y < BOTTOM; y += 4)
            for (let x = LEFT; x < RIGHT; x += 7) expect(covered(rects, x, y), `${x},${y}`).toBe(inked(x, y));
        },
      ),
      { numRuns: 30 },
    );
  }, 20_000);

  it('covers a vertical segment over its whole height, and nothing for segments wholly beside the map', () => {
    const map = inkMap(AREA);
    map.addPolyline([200, 200, NaN, 0, 10, NaN, 700, 720], [50, 150, NaN, 100, 200, NaN, 20, 260], 2);
    // 200 lies in the strip from 190; rows 48 to 151 (whole pixels around 50 − 2 and 150 + 2).
    expect(split(map.inkedWith(inkMap(AREA)))).toEqual([[190, 48, STRIP, 104]]);
  });

  it('joins a run of the same rows across strips into one rectangle, up to the map’s right edge', () => {
    const map = inkMap(AREA);
    map.addBox(600, 100.5, 700, 110);
    // Strips from 30 + 18 × 32 = 606 (x = 600 lies in the one from 574) to the map's right edge, 693.
    expect(split(map.inkedWith(inkMap(AREA)))).toEqual([[574, 100, RIGHT - 574, 10]]);
    const other = inkMap(AREA);
    other.addBox(600, 105, 610, 120);
    // Where the two frames' rows differ, the strips part.
    expect(split(map.inkedWith(other))).toEqual([
      [574, 100, 64, 20],
      [638, 100, RIGHT - 638, 10],
    ]);
  });

  it('marks no row for a box that only touches the map’s top or bottom edge', () => {
    const map = inkMap(AREA);
    map.addBox(100, TOP - 10, 120, TOP);
    map.addBox(100, BOTTOM, 120, BOTTOM + 10);
    expect(map.inkedWith(inkMap(AREA))).toEqual([]);
    map.addBox(100, 50, 101, 50); // no height, on a whole row: it still touches row 50
    expect(split(map.inkedWith(inkMap(AREA)))).toEqual([[94, 50, STRIP, 1]]);
    map.clear();
    map.addBox(100, BOTTOM - 0.5, 120, BOTTOM + 10);
    expect(split(map.inkedWith(inkMap(AREA)))).toEqual([[94, BOTTOM - 1, STRIP, 1]]);
  });

  it('marks whole columns for an infinite box, and forgets everything when cleared', () => {
    const map = inkMap(AREA);
    map.addBox(100, -Infinity, 101, Infinity);
    const rects = map.inkedWith(inkMap(AREA));
    expect(split(rects)).toEqual([[94, TOP, STRIP, BOTTOM - TOP]]);
    map.clear();
    expect(map.inkedWith(inkMap(AREA))).toEqual([]);
  });

  it('fits an area that rounds to the same whole pixels, and no other', () => {
    const map = inkMap(AREA);
    expect(map.fits({ left: 30.9, top: 9.1, right: 692.6, bottom: 280.2 })).toBe(true);
    expect(map.fits({ ...AREA, right: 693.2 })).toBe(false);
    expect(map.fits({ ...AREA, top: 8.9 })).toBe(false);
  });
});
