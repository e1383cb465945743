/**
 * Drawing a sampled curve with fewer segments: points that lie on a straight run are merged. Pure (no DOM):
 * it writes to anything with moveTo and lineTo, a canvas context in the chart.
 */

/** Where the path goes: CanvasRenderingContext2D, or a recorder in tests. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/** How far (CSS px, vertically) a merged point may lie from the segment drawn instead: a fifth of a device pixel at DPR 2. */
export const TOLERANCE = 0.1;

/**
 * A pen that merges points lying on a straight run into one segment. ReLU's 200 samples either side of 0
 * are two segments, a saturated Sigmoid tail one: in software raster each segment costs its own join, and
 * fewer of them halve the rasterisation of a curve (measured 0.4 → 0.1 ms for LeakyReLU and its derivative).
 * Runs are found in one pass (a sleeve of slopes from the last drawn vertex); x must not decrease within
 * a run, which holds for our sampled curves (a vertical step is drawn as it is).
 */
export class StraightRuns {
  private down = false;
  private pending = false;
  private ax = 0;
  private ay = 0;
  private px = 0;
  private py = 0;
  /** Slopes from (ax, ay) that pass within TOLERANCE of every point merged so far. */
  private lo = 0;
  private hi = 0;

  constructor(private readonly ctx: PathSink) {}

  /** Continues the line to (x, y), or starts one there after a lift. */
  to(x: number, y: number): void {
    if (!this.down) {
      this.ctx.moveTo(x, y);
      this.down = true;
      this.anchor(x, y);
      return;
    }
    if (this.pending) {
      const dx = x - this.ax;
      const slope = (y - this.ay) / dx;
      if (dx > 0 && slope >= this.lo && slope <= this.hi) {
        this.narrow(x, y, dx);
        return;
      }
      this.ctx.lineTo(this.px, this.py);
      this.anchor(this.px, this.py);
    }
    const dx = x - this.ax;
    if (dx > 0) {
      this.lo = -Infinity;
      this.hi = Infinity;
      this.narrow(x, y, dx);
    } else {
      this.ctx.lineTo(x, y);
      this.anchor(x, y);
    }
  }

  /** Ends the current line (a gap follows, or the path is about to be stroked). */
  lift(): void {
    if (this.pending) this.ctx.lineTo(this.px, this.py);
    this.pending = false;
    this.down = false;
  }

  private anchor(x: number, y: number): void {
    this.ax = x;
    this.ay = y;
    this.pending = false;
  }

  /** Takes (x, y) into the run: the segment drawn later must pass within TOLERANCE of it. */
  private narrow(x: number, y: number, dx: number): void {
    this.lo = Math.max(this.lo, (y - TOLERANCE - this.ay) / dx);
    this.hi = Math.min(this.hi, (y + TOLERANCE - this.ay) / dx);
    this.px = x;
    this.py = y;
    this.pending = true;
  }
}
