/** The pen that merges straight runs of a sampled curve: fewer segments, every sample still on the drawn line. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runVertices, tracePolyline, traceRuns, TOLERANCE, type PathSink } from '../../src/chart/straight-runs';

type Point = [number, number];

/** Records the path as polylines (a moveTo starts a new one). */
function recorder(): PathSink & { lines: Point[][] } {
  const lines: Point[][] = [];
  return {
    lines,
    moveTo: (x, y) => lines.push([[x, y]]),
    lineTo: (x, y) => lines[lines.length - 1].push([x, y]),
  };
}

/** Draws `points` (null lifts the pen) and returns the recorded polylines. */
function draw(points: (Point | null)[]): Point[][] {
  const sink = recorder();
  traceRuns(
    sink,
    points.map((p) => (p ? p[0] : NaN)),
    points.map((p) => (p ? p[1] : NaN)),
  );
  return sink.lines;
}

/** Vertical distance from p to the polyline's segment over p's x (Infinity if no segment spans it). */
function gap(line: Point[], [x, y]: Point): number {
  let best = Infinity;
  for (let k = 1; k < line.length; k++) {
    const [x0, y0] = line[k - 1];
    const [x1, y1] = line[k];
    if (x < Math.min(x0, x1) || x > Math.max(x0, x1)) continue;
    const at =
      x1 === x0 ? (y >= Math.min(y0, y1) && y <= Math.max(y0, y1) ? y : y0) : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    best = Math.min(best, Math.abs(at - y));
  }
  return line.length === 1 && line[0][0] === x ? Math.abs(line[0][1] - y) : best;
}

describe('traceRuns', () => {
  it("draws ReLU's 400 samples as its two segments", () => {
    const xs = Array.from({ length: 401 }, (_, i) => i * 1.5);
    const lines = draw(xs.map((x): Point => [x, x > 300 ? 300 - x : 0]));
    expect(lines).toEqual([
      [
        [0, 0],
        [300, 0],
        [600, -300],
      ],
    ]);
  });

  it('keeps gaps: a lifted pen starts a new line at the next point', () => {
    const lines = draw([[0, 0], [1, 0], [2, 0], null, [3, 5], [4, 5], [5, 5]]);
    expect(lines).toEqual([
      [
        [0, 0],
        [2, 0],
      ],
      [
        [3, 5],
        [5, 5],
      ],
    ]);
  });

  it('keeps vertical steps (a jump drawn at one x) as they are', () => {
    const lines = draw([
      [0, 0],
      [1, 0],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    expect(lines).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 4],
        [3, 4],
      ],
    ]);
  });

  it('keeps every sample within the tolerance of the drawn line, and the ends exactly', () => {
    const curve = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 300 });
    fc.assert(
      fc.property(curve, fc.double({ min: 0.05, max: 3, noNaN: true }), (ys, step) => {
        // Smooth-ish curves (running sums) and noise alike; x increases like a sampled grid in pixels.
        const points = ys.map((_, i): Point => [i * step, ys.slice(0, i + 1).reduce((a, b) => a + b, 0) / 10]);
        const [line] = draw(points);
        expect(line[0]).toEqual(points[0]);
        expect(line[line.length - 1]).toEqual(points[points.length - 1]);
        for (const p of points) expect(gap(line, p)).toBeLessThanOrEqual(TOLERANCE * (1 + 1e-9) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('merges what it can: a Sigmoid tail at pixel scale becomes a handful of segments', () => {
    const points = Array.from({ length: 400 }, (_, i): Point => [i * 1.4, 280 - 270 / (1 + Math.exp(-(i - 200) / 16))]);
    const [line] = draw(points);
    expect(line.length).toBeLessThan(points.length / 2);
  });
  it('draws each merge and each break at exactly its vertices', () => {
    // A straight run that does not start at the origin: its two ends.
    expect(
      draw([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    ).toEqual([
      [
        [1, 1],
        [3, 3],
      ],
    ]);
    // A point exactly on the sleeve's edge (0.2 below over twice the run of its first step, tolerance 0.1) merges.
    expect(
      draw([
        [0, 0],
        [1, 0],
        [2, -0.2],
      ]),
    ).toEqual([
      [
        [0, 0],
        [2, -0.2],
      ],
    ]);
    expect(
      draw([
        [0, 0],
        [1, 0],
        [2, 0.2],
      ]),
    ).toEqual([
      [
        [0, 0],
        [2, 0.2],
      ],
    ]);
    // The sleeve narrows from above and below as points merge: (3, 0.42) rises 0.14 per step from the vertex, above
    // the 0.1 the first step allows, so (2, 0.2) is drawn.
    expect(
      draw([
        [0, 0],
        [1, 0],
        [2, 0.2],
        [3, 0.42],
      ]),
    ).toEqual([
      [
        [0, 0],
        [2, 0.2],
        [3, 0.42],
      ],
    ]);
    // Away from y = 0: (2, 4.9) caps the slope at 0, so (3, 5.15) starts a new run.
    expect(
      draw([
        [0, 5],
        [1, 5],
        [2, 4.9],
        [3, 5.15],
      ]),
    ).toEqual([
      [
        [0, 5],
        [2, 4.9],
        [3, 5.15],
      ],
    ]);
    expect(
      draw([
        [0, 5],
        [1, 5],
        [2, 5.3],
      ]),
    ).toEqual([
      [
        [0, 5],
        [1, 5],
        [2, 5.3],
      ],
    ]);
  });

  it('after a vertical step or a lifted pen draws from the new vertex, with nothing left over', () => {
    // After the jump at x = 1 the next point is a run of its own.
    expect(
      draw([
        [0, 0],
        [1, 0],
        [1, 4],
        [2, 6],
      ]),
    ).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 4],
        [2, 6],
      ],
    ]);
    // A line that ends on a vertical step, and a line of one point.
    expect(
      draw([
        [0, 0],
        [1, 0],
        [1, 4],
      ]),
    ).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 4],
      ],
    ]);
    expect(draw([[5, 5]])).toEqual([[[5, 5]]]);
    // A gap right after a line's first point.
    expect(draw([[0, 0], null, [1, 1], [2, 2]])).toEqual([
      [[0, 0]],
      [
        [1, 1],
        [2, 2],
      ],
    ]);
    // A repeated sample is drawn as it is, like a vertical step.
    expect(
      draw([
        [0, 0],
        [0, 0],
        [1, 1],
      ]),
    ).toEqual([
      [
        [0, 0],
        [0, 0],
        [1, 1],
      ],
    ]);
  });

  it('lifts the pen at a non-finite y even where x is finite', () => {
    const sink = recorder();
    traceRuns(sink, [0, 1, 2, 3], [0, NaN, 0, 0]);
    expect(sink.lines).toEqual([
      [[0, 0]],
      [
        [2, 0],
        [3, 0],
      ],
    ]);
    const sink2 = recorder();
    traceRuns(sink2, [0, Infinity, 2, 3], [0, 1, 1, 1]);
    expect(sink2.lines).toEqual([
      [[0, 0]],
      [
        [2, 1],
        [3, 1],
      ],
    ]);
  });
});

describe('runVertices and tracePolyline', () => {
  const sample = fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: -3000, max: 3000 })) },
      fc.constant(null),
    ),
    { maxLength: 60 },
  );

  it('draws, through the vertices kept, the very path traceRuns draws from the samples', () => {
    fc.assert(
      fc.property(sample, (raw) => {
        // x does not decrease within a run, as on our sampled curves; a fraction makes the merging non-trivial.
        let x = 0;
        const points = raw.map((p) => (p ? ([(x += p[0] / 1000), p[1] / 997] as Point) : null));
        const xs = points.map((p) => (p ? p[0] : NaN));
        const ys = points.map((p) => (p ? p[1] : NaN));
        const direct = recorder();
        traceRuns(direct, xs, ys);
        const kept = runVertices(xs, ys);
        const replayed = recorder();
        tracePolyline(replayed, kept.xs, kept.ys);
        expect(replayed.lines).toEqual(direct.lines);
        // One vertex per point drawn, and one gap between polylines.
        const drawn = direct.lines.reduce((n, line) => n + line.length, 0);
        expect(kept.xs.length).toBe(drawn + Math.max(0, direct.lines.length - 1));
      }),
    );
  });

  it('lifts the pen at every non-finite coordinate, and draws nothing of a lone point', () => {
    const sink = recorder();
    tracePolyline(sink, [0, 1, NaN, 3, 4, 5, Infinity, 7], [0, 1, 2, 3, NaN, 5, 6, 7]);
    expect(sink.lines).toEqual([
      [
        [0, 0],
        [1, 1],
      ],
      [[3, 3]],
      [[5, 5]],
      [[7, 7]],
    ]);
  });
});
