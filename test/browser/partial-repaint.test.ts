/**
 * A slider frame or a pointer move repaints only the parts of the plot where the frame before or this one puts ink
 * (src/core/plot/ink-map.ts, src/chart/plot-frame.ts). Whatever it leaves alone must already be what a full draw
 * paints: after many moves, the chart is pixel for pixel a fresh block drawn at the last value, at every pixel ratio.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockHarness, drawnCanvases } from './support/plugin-host';
import { frames, installInstrumentation } from './support/instrument';

const harness = blockHarness('seed', '图表.md');

beforeAll(() => installInstrumentation());
afterEach(() => {
  harness.cleanup();
  delete (window as { devicePixelRatio?: number }).devicePixelRatio; // back to the window's own
});

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pixels of `a` that differ from `b`'s, with the first few as "x,y". */
function differences(a: HTMLCanvasElement, b: HTMLCanvasElement): { count: number; first: string[] } {
  const read = (c: HTMLCanvasElement) =>
    (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
  const [p, q] = [read(a), read(b)];
  const first: string[] = [];
  let count = 0;
  for (let i = 0; i < p.length; i += 4) {
    if (p[i] === q[i] && p[i + 1] === q[i + 1] && p[i + 2] === q[i + 2] && p[i + 3] === q[i + 3]) continue;
    if (count++ < 8) first.push(`${(i / 4) % a.width},${Math.floor(i / 4 / a.width)}`);
  }
  return { count, first };
}

/** A block whose first slider is dragged, and the same block as written with the slider's last value. */
interface Case {
  name: string;
  block: (value: string) => string;
  values: (next: () => number) => string;
}

const CASES: Case[] = [
  {
    // Its saturation band's edge, the derivative's peak marker and both labels move with β.
    name: 'a note’s own function (swish with β)',
    block: (v) =>
      `\`\`\`activation\nfunctions: swish(x; beta=${v} in [0, 5]) = x * sigmoid(beta * x)\ny: [-1, 6]\n\`\`\`\n`,
    values: (next) => (0.2 + 4.6 * next()).toFixed(2),
  },
  {
    // Saturated on both sides: the right band's left edge moves too.
    name: 'tanh(a·x)',
    block: (v) => `\`\`\`activation\nfunctions: g(x; a=${v} in [0.2, 3]) = tanh(a * x)\ny: [-1.5, 3.5]\n\`\`\`\n`,
    values: (next) => (0.2 + 2.8 * next()).toFixed(2),
  },
  {
    // Four functions: bands in lanes along the bottom, kinks, several labels; PReLU's slope moves.
    name: 'the seed note’s four functions (PReLU’s init)',
    block: (v) => `\`\`\`activation\nfunctions: Sigmoid, Tanh, ReLU, PReLU(init=${v})\ny: [-2, 6]\n\`\`\`\n`,
    values: (next) => (-0.5 + 1.5 * next()).toFixed(2),
  },
];

describe('slider frames and pointer moves repaint part of the plot, and equal a full draw', () => {
  for (const dpr of [1, 2, 1.5]) {
    for (const [k, c] of CASES.entries()) {
      it(`${c.name}, at devicePixelRatio ${dpr}`, async () => {
        Object.defineProperty(window, 'devicePixelRatio', { value: dpr, configurable: true });
        const next = random(dpr * 1000 + k);
        const values = Array.from({ length: 17 }, () => c.values(next));
        const last = values[values.length - 1];
        // The fresh block, drawn at the last value, sits below the dragged one: the same width, axes and theme.
        const root = await harness.render(`${c.block(values[0])}\n${c.block(last)}`);
        const [dragged, drawn] = await drawnCanvases(root, 2);
        await frames(2);
        const slider = root.querySelector<HTMLInputElement>('input[type=range]') as HTMLInputElement;
        const rect = dragged.getBoundingClientRect();
        for (const value of values.slice(1)) {
          // Now and then the pointer is over the chart, so its crosshair comes, goes and moves with the curves.
          if (next() < 0.4) {
            const at = {
              clientX: rect.left + rect.width * next(),
              clientY: rect.top + rect.height * (0.2 + 0.6 * next()),
            };
            dragged.dispatchEvent(new MouseEvent('mousemove', { ...at, bubbles: true }));
          } else if (next() < 0.2) dragged.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
          slider.value = value;
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          await frames(1);
        }
        dragged.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
        await frames(2);
        expect(Number(slider.value)).toBe(Number(last));
        expect([drawn.width, drawn.height]).toEqual([dragged.width, dragged.height]);
        expect(dragged.width).toBe(Math.floor(700 * dpr));
        expect(differences(dragged, drawn)).toEqual({ count: 0, first: [] });
      });
    }
  }
});
