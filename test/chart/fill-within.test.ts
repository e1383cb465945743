/** Rectangles on whole device pixels: the plot area a redraw clears and clips to, and the grid's pieces inside parts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fillSnapped, wholePixels } from '../../src/chart/fill-within';

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

describe('fillSnapped', () => {
  /** The rectangles a context was asked to fill. */
  function recorder() {
    const rects: [number, number, number, number][] = [];
    const ctx = { fillRect: (x: number, y: number, w: number, h: number) => rects.push([x, y, w, h]) };
    return { rects, ctx: ctx as unknown as CanvasRenderingContext2D };
  }

  it('fills, piece by piece inside disjoint parts, exactly the rectangle it fills whole', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 64 }),
        (dpr, left, top, width, height, strip) => {
          const whole = recorder();
          fillSnapped(whole.ctx, dpr, left / dpr, top / dpr, width / dpr, height / dpr, null);
          // Strips `strip` device pixels wide over a 400 × 200 device-pixel canvas: disjoint, and covering it.
          const parts: number[] = [];
          for (let x = 0; x < 400; x += strip) parts.push(x / dpr, 0, Math.min(strip, 400 - x) / dpr, 200 / dpr);
          const pieces = recorder();
          fillSnapped(pieces.ctx, dpr, left / dpr, top / dpr, width / dpr, height / dpr, parts);
          const [[x, y, w, h]] = whole.rects;
          const inside = Math.max(0, Math.min(x + w, 400 / dpr) - x) * Math.max(0, Math.min(y + h, 200 / dpr) - y);
          const area = pieces.rects.reduce((sum, r) => sum + r[2] * r[3], 0);
          expect(area).toBeCloseTo(inside, 9);
          for (const [px, py, pw, ph] of pieces.rects) {
            expect(px).toBeGreaterThanOrEqual(x);
            expect(py).toBeGreaterThanOrEqual(y);
            expect(px + pw).toBeLessThanOrEqual(x + w + 1e-12);
            expect(py + ph).toBeLessThanOrEqual(y + h + 1e-12);
          }
        },
      ),
    );
  });
});
