/**
 * The decision map's image, pixel by pixel, against a second computation written from its definition: each image
 * pixel's p is the bilinear interpolation of the grid at the pixel's centre (clamped to the outer cells' centres),
 * its colour is class 1's where p > ½ and class 0's elsewhere, and its alpha is 30 + 120·|2p − 1| (rounded).
 */
import { describe, expect, it } from 'vitest';
import { paintHeatMap } from '../../src/chart/plugins/heat-map';
import { installDomHelpers } from '../fakes/obsidian';
import { LIGHT } from '../blocks/fixtures';

installDomHelpers(window);

const hex = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));

/** The expected rgba of image pixel (x, y) of an n × n grid `p` drawn `up` pixels per cell. */
function expected(p: Float64Array, n: number, up: number, x: number, y: number, colors: number[][]): number[] {
  const at = (i: number) => Math.min(n - 1, Math.max(0, (i + 0.5) / up - 0.5));
  const [gx, gy] = [at(x), at(y)];
  const [x0, y0] = [Math.floor(gx), Math.floor(gy)];
  const [x1, y1] = [Math.min(n - 1, x0 + 1), Math.min(n - 1, y0 + 1)];
  const [wx, wy] = [gx - x0, gy - y0];
  const cell = (c: number, r: number) => p[r * n + c];
  const top = cell(x0, y0) * (1 - wx) + cell(x1, y0) * wx;
  const bottom = cell(x0, y1) * (1 - wx) + cell(x1, y1) * wx;
  const v = top * (1 - wy) + bottom * wy;
  return [...colors[v > 0.5 ? 1 : 0], 30 + 120 * Math.abs(2 * v - 1)];
}

describe('paintHeatMap', () => {
  it('draws every pixel in its class colour, deeper where the network is surer, as computed independently', () => {
    const n = 12;
    // A boundary across the plane, sure far from it and unsure near it, with cells exactly at ½ on it.
    const p = Float64Array.from({ length: n * n }, (_, k) => {
      const [c, r] = [k % n, Math.floor(k / n)];
      return c === r ? 0.5 : 1 / (1 + Math.exp(-(c - r) * 0.9));
    });
    const canvas = document.createElement('canvas');
    const theme = { ...LIGHT, series: ['#112233', '#d05000', '#08b94e', '#7852ee', '#e93147'] };
    paintHeatMap(canvas, { n, p, colors: [3, 1] }, theme);
    const side = canvas.width;
    expect([canvas.width, canvas.height]).toEqual([2 * n, 2 * n]);
    const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, side, side).data;
    const colors = [hex(theme.series[3]), hex(theme.series[1])];
    let worst = 0;
    const classes = new Set<string>();
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const want = expected(p, n, 2, x, y, colors);
        const got = Array.from(data.slice(4 * (y * side + x), 4 * (y * side + x) + 4));
        // Alpha within its rounding; the colour within what premultiplied storage keeps at that alpha (a canvas
        // stores r·a/255, so a channel comes back within about 255/(2a) of what was put).
        expect(Math.abs(got[3] - want[3])).toBeLessThanOrEqual(1);
        const keeps = Math.ceil(255 / (2 * got[3])) + 1;
        want.slice(0, 3).forEach((v, k) => (worst = Math.max(worst, Math.abs(got[k] - v) / keeps)));
        classes.add(String(want.slice(0, 3)));
      }
    }
    expect(classes.size).toBe(2);
    expect(worst).toBeLessThanOrEqual(1);
  });
});
