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
 * Moves along (xs[i], ys[i]) merging points that lie on a straight run into one segment. ReLU's 200 samples either
 * side of 0 are two segments, a saturated Sigmoid tail one: in software raster each segment costs its own join, and
 * fewer of them halve the rasterisation of a curve (measured 0.4 → 0.1 ms for LeakyReLU and its derivative).
 * A non-finite coordinate lifts the pen (the next point starts a new line). Runs are found in one pass (a sleeve of
 * slopes from the last drawn vertex); x must not decrease within a run, which holds for our sampled curves (a
 * vertical step is drawn as it is). One loop over locals: it runs for every sample of every curve on every slider
 * frame, and a pen object's fields cost a load and a store per sample before the engine's top tier compiles it, as a
 * call does (`v - v === 0` tests a number's finiteness without one).
 */
export function traceRuns(sink: PathSink, xs: ArrayLike<number>, ys: ArrayLike<number>): void {
  // Whether a line is started and whether a merged point waits to be drawn; the last drawn vertex (ax, ay), the
  // point waiting (px, py), and the slopes from the vertex that pass within TOLERANCE of every point merged since.
  let down = false;
  let pending = false;
  let ax = 0;
  let ay = 0;
  let px = 0;
  let py = 0;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!(x - x === 0 && y - y === 0)) {
      if (pending) sink.lineTo(px, py);
      pending = down = false;
      continue;
    }
    if (!down) {
      sink.moveTo(x, y);
      down = true;
      ax = x;
      ay = y;
      continue;
    }
    let dx = x - ax;
    if (pending) {
      const slope = (y - ay) / dx;
      if (dx > 0 && slope >= lo && slope <= hi) {
        lo = Math.max(lo, (y - TOLERANCE - ay) / dx);
        hi = Math.min(hi, (y + TOLERANCE - ay) / dx);
        px = x;
        py = y;
        continue;
      }
      sink.lineTo(px, py);
      ax = px;
      ay = py;
      pending = false;
      dx = x - ax;
    }
    if (dx > 0) {
      // A new run from the vertex: the sleeve is this point's alone.
      lo = (y - TOLERANCE - ay) / dx;
      hi = (y + TOLERANCE - ay) / dx;
      px = x;
      py = y;
      pending = true;
    } else {
      sink.lineTo(x, y);
      ax = x;
      ay = y;
    }
  }
  if (pending) sink.lineTo(px, py);
}

/**
 * Where runVertices collects the path: one class, so traceRuns's calls stay monomorphic, and indexed stores into arrays
 * kept by the instance (the first slider frames run this before V8's optimising tiers, where closures cost most).
 */
class Vertices implements PathSink {
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  private n = 0;

  moveTo(x: number, y: number): void {
    if (this.n > 0) this.lineTo(NaN, NaN);
    this.lineTo(x, y);
  }

  lineTo(x: number, y: number): void {
    this.xs[this.n] = x;
    this.ys[this.n++] = y;
  }
}

/** The vertices traceRuns draws, a non-finite pair where it lifts the pen: computed once, for the stroke and for its ink. */
export function runVertices(xs: ArrayLike<number>, ys: ArrayLike<number>): { xs: number[]; ys: number[] } {
  const out = new Vertices();
  traceRuns(out, xs, ys);
  return out;
}

/** Draws a polyline, lifting the pen at a non-finite coordinate (the vertices runVertices gives, as traceRuns drew them). */
export function tracePolyline(sink: PathSink, xs: ArrayLike<number>, ys: ArrayLike<number>): void {
  let down = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!(x - x === 0 && y - y === 0)) down = false;
    else if (down) sink.lineTo(x, y);
    else {
      sink.moveTo(x, y);
      down = true;
    }
  }
}
