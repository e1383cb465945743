/**
 * The floor: the same two curves drawn with nothing but the Canvas 2D API — grid, zero axes, ticks with
 * labels, f solid and f′ dashed, 400 samples each, 600 × 300 at the page's devicePixelRatio.
 */
import { curvePair, LEAKY_START, type CurveKind, type CurvePair } from '../curves';
import { HEIGHT, slot, WIDTH, type Contender } from './types';

const PAD = { left: 36, right: 8, top: 6, bottom: 20 };
const COLORS = { grid: '#e0e0e0', axis: '#ababab', text: '#5c5c5c', f: '#086ddd' };

/** Draws `pair` on `canvas` (first sizing its bitmap for the devicePixelRatio), replacing what was there. */
export function drawRaw(canvas: HTMLCanvasElement, pair: CurvePair): void {
  const dpr = window.devicePixelRatio || 1;
  // Resizing reallocates the bitmap: only on the first draw, a redraw clears instead.
  if (canvas.width !== WIDTH * dpr) canvas.width = WIDTH * dpr;
  if (canvas.height !== HEIGHT * dpr) canvas.height = HEIGHT * dpr;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  const [x0, x1] = [pair.xs[0], pair.xs[pair.xs.length - 1]];
  const { min: y0, max: y1, step } = pair.y;
  const px = (x: number): number => PAD.left + ((x - x0) / (x1 - x0)) * (WIDTH - PAD.left - PAD.right);
  const py = (y: number): number => HEIGHT - PAD.bottom - ((y - y0) / (y1 - y0)) * (HEIGHT - PAD.top - PAD.bottom);

  ctx.font = '11px sans-serif';
  ctx.fillStyle = COLORS.text;
  ctx.strokeStyle = COLORS.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let x = Math.ceil(x0); x <= x1; x++) {
    ctx.moveTo(Math.round(px(x)) + 0.5, PAD.top);
    ctx.lineTo(Math.round(px(x)) + 0.5, HEIGHT - PAD.bottom);
    ctx.fillText(String(x), px(x), HEIGHT - PAD.bottom + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let i = 0, y = y0; y <= y1 + 1e-9; i++, y = y0 + i * step) {
    ctx.moveTo(PAD.left, Math.round(py(y)) + 0.5);
    ctx.lineTo(WIDTH - PAD.right, Math.round(py(y)) + 0.5);
    ctx.fillText(String(Number(y.toFixed(6))), PAD.left - 4, py(y));
  }
  ctx.stroke();

  ctx.strokeStyle = COLORS.axis;
  ctx.beginPath();
  ctx.moveTo(PAD.left, Math.round(py(0)) + 0.5);
  ctx.lineTo(WIDTH - PAD.right, Math.round(py(0)) + 0.5);
  ctx.moveTo(Math.round(px(0)) + 0.5, PAD.top);
  ctx.lineTo(Math.round(px(0)) + 0.5, HEIGHT - PAD.bottom);
  ctx.stroke();

  ctx.strokeStyle = COLORS.f;
  ctx.lineWidth = 2;
  for (const [fn, dash] of [
    [pair.f, []],
    [pair.df, [6, 4]],
  ] as const) {
    ctx.setLineDash(dash);
    ctx.beginPath();
    pair.xs.forEach((x, i) => (i === 0 ? ctx.moveTo(px(x), py(fn(x))) : ctx.lineTo(px(x), py(fn(x)))));
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** The raw Canvas 2D floor. */
export const rawCanvas: Contender = {
  id: 'raw',
  label: 'raw canvas',
  drawsInFrame: false,
  updatesInFrame: false,
  prepare(stage, count, kind: CurveKind) {
    const slots = Array.from({ length: count }, () => slot(stage));
    const canvases: HTMLCanvasElement[] = [];
    return Promise.resolve({
      draw() {
        const pair = curvePair(kind, LEAKY_START);
        for (const s of slots) {
          const canvas = document.createElement('canvas');
          canvas.style.cssText = `display: block; width: ${WIDTH}px; height: ${HEIGHT}px;`;
          s.appendChild(canvas);
          drawRaw(canvas, pair);
          canvases.push(canvas);
        }
        return undefined;
      },
      canvases: () => canvases,
      setParam(value) {
        drawRaw(canvases[0], curvePair(kind, value));
      },
      dispose() {
        for (const s of slots) s.remove();
      },
    });
  },
};
