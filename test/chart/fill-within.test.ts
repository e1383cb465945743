/** Rectangles on whole device pixels: the plot area a redraw clears and clips to, and the grid's pieces inside parts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clipToWholePixels, fillSnapped, wholePixels } from '../../src/chart/fill-within';

/** True when v (CSS px) × dpr is a whole device pixel, up to the rounding of the division and product. */
const onDevicePixel = (v: number, dpr: number): boolean => Math.abs(v * dpr - Math.round(v * dpr)) < 1e-9;

const dprs = fc.constantFrom(1, 1.25, 1.5, 2, 3);
const coordinate = fc.double({ min: -500, max: 2000, noNaN: true });

describe('wholePixels', () => {
  it('grows the area to the device pixels it touches, by less than one on each side', () => {
    fc.assert(
      fc.property(dprs, coordinate, coordinate, coordinate, coordinate, (dpr, a, b, c, d) => {
        const area = { left: Math.min(a, b), right: Math.max(a, b), top: Math.min(c, d), bottom: Math.max(c, d) };
        const grown = wholePixels(area, dpr);
        for (const side of ['left', 'top', 'right', 'bottom'] as const) {
          expect(onDevicePixel(grown[side], dpr)).toBe(true);
          expect(Math.abs(grown[side] - area[side]) * dpr).toBeLessThan(1 + 1e-9);
        }
        expect(grown.left).toBeLessThanOrEqual(area.left);
        expect(grown.top).toBeLessThanOrEqual(area.top);
        expect(grown.right).toBeGreaterThanOrEqual(area.right);
        expect(grown.bottom).toBeGreaterThanOrEqual(area.bottom);
      }),
    );
  });

  it('keeps an area already on whole device pixels as it is', () => {
    expect(wholePixels({ left: 36.5, top: 6, right: 592, bottom: 280.5 }, 2)).toEqual({
      left: 36.5,
      top: 6,
      right: 592,
      bottom: 280.5,
    });
  });
});

describe('clipToWholePixels', () => {
  it('clips to a new path of exactly the area grown to whole device pixels', () => {
    const calls: string[] = [];
    const ctx = {
      beginPath: () => calls.push('beginPath'),
      rect: (...a: number[]) => calls.push(`rect ${a.join(' ')}`),
      clip: () => calls.push('clip'),
    } as unknown as CanvasRenderingContext2D;
    // At 2 device px per CSS px: 36.3 → 36, 6.9 → 6.5, 592.1 → 592.5, 280.2 → 280.5.
    clipToWholePixels(ctx, { left: 36.3, top: 6.9, right: 592.1, bottom: 280.2 }, 2);
    expect(calls).toEqual(['beginPath', 'rect 36 6.5 556.5 274', 'clip']);
  });
});

describe('fillSnapped', () => {
  /** The rectangles a context was asked to fill, in device pixels (CSS px × dpr). */
  function recorder(dpr: number) {
    const rects: [number, number, number, number][] = [];
    const ctx = {
      fillRect: (x: number, y: number, w: number, h: number) => rects.push([x, y, w, h].map((v) => v * dpr) as never),
    };
    return { rects, ctx: ctx as unknown as CanvasRenderingContext2D };
  }

  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  const size = fc.double({ min: 0, max: 90, noNaN: true });
  const place = fc.double({ min: -10, max: 110, noNaN: true });

  it('fills whole device pixels within half a pixel of the rectangle asked for, at least one pixel', () => {
    fc.assert(
      fc.property(dprs, place, place, size, size, (dpr, left, top, width, height) => {
        const { rects, ctx } = recorder(dpr);
        fillSnapped(ctx, dpr, left, top, width, height, null);
        expect(rects).toHaveLength(1);
        const [x, y, w, h] = rects[0];
        for (const v of [x, y, w, h]) expect(near(v, Math.round(v))).toBe(true);
        expect(Math.abs(x - left * dpr)).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(Math.abs(y - top * dpr)).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(Math.abs(w - Math.max(1, width * dpr))).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(Math.abs(h - Math.max(1, height * dpr))).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
    );
  });

  it('fills no empty piece for a part that only touches the rectangle', () => {
    const { rects, ctx } = recorder(2);
    // Device pixels: parts [0, 10) and [10, 20) × [0, 10); the rectangle [10, 15) × [2, 6).
    fillSnapped(ctx, 2, 5, 1, 2.5, 2, [0, 0, 5, 5, 5, 0, 5, 5]);
    expect(rects).toEqual([[10, 2, 5, 4]]);
  });

  it('inside parts, fills exactly the device pixels of the whole rectangle that a part holds', () => {
    // Parts: the cells of a random grid over a 120 × 80 device-pixel canvas, some left out (holes).
    const cuts = (end: number) => fc.uniqueArray(fc.integer({ min: 1, max: end - 1 }), { maxLength: 6 });
    fc.assert(
      fc.property(
        dprs,
        place,
        place,
        size,
        size,
        cuts(120),
        cuts(80),
        fc.array(fc.boolean(), { minLength: 49, maxLength: 49 }),
        (dpr, left, top, width, height, xCuts, yCuts, kept) => {
          const xs = [0, ...xCuts.sort((a, b) => a - b), 120];
          const ys = [0, ...yCuts.sort((a, b) => a - b), 80];
          const cells: [number, number, number, number][] = [];
          for (let i = 0; i + 1 < xs.length; i++)
            for (let j = 0; j + 1 < ys.length; j++)
              if (kept[i * 7 + j]) cells.push([xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j]]);
          const parts = cells.flatMap((c) => c.map((v) => v / dpr));
          const whole = recorder(dpr);
          fillSnapped(whole.ctx, dpr, left, top, width, height, null);
          const [x, y, w, h] = whole.rects[0].map(Math.round);
          const pieces = recorder(dpr);
          fillSnapped(pieces.ctx, dpr, left, top, width, height, parts);
          // Independent count: every device pixel of the whole rectangle, and whether a kept cell holds it.
          const inCell = (px: number, py: number) =>
            cells.some(([cx, cy, cw, ch]) => px >= cx && px < cx + cw && py >= cy && py < cy + ch);
          let expected = 0;
          for (let px = x; px < x + w; px++) for (let py = y; py < y + h; py++) if (inCell(px, py)) expected++;
          let filled = 0;
          for (const [px, py, pw, ph] of pieces.rects) {
            for (const v of [px, py, pw, ph]) expect(near(v, Math.round(v))).toBe(true);
            expect(pw > 0 && ph > 0).toBe(true);
            // Inside the whole rectangle and inside one cell.
            expect(px >= x - 1e-9 && py >= y - 1e-9 && px + pw <= x + w + 1e-9 && py + ph <= y + h + 1e-9).toBe(true);
            expect(
              inCell(Math.round(px), Math.round(py)) && inCell(Math.round(px + pw) - 1, Math.round(py + ph) - 1),
            ).toBe(true);
            filled += Math.round(pw) * Math.round(ph);
          }
          expect(filled).toBe(expected);
        },
      ),
      // Enough runs that a cell edge often meets the rectangle's edge (no empty piece may be filled there).
      { numRuns: 400 },
    );
  });
});
