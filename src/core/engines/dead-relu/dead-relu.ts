/**
 * Dead ReLU units under full-batch gradient descent on a one-hidden-layer regression net:
 * z = X·W1 + b1, h = act(z), y = h·W2 + b2, loss = mean (y − t)². Every step takes all four
 * gradients at the same parameters, then updates P ← P − lr·∂loss/∂P (no momentum, no decay).
 */
import { backwardLine, forwardLine, type HiddenLayer } from './fused';
import { evaluateInto, type Elementwise } from '../evaluate';
import { flattenMatrix, flattenVector, matrixShape, type OneHiddenLayer } from '../../numeric/matrix';
import { runToEnd, within, type Steps } from '../steps';

/** The network, data and schedule; shapes as in deadrelu.json (W1 is d × width, W2 width × 1, b2 length 1). */
export interface DeadReluInput extends OneHiddenLayer {
  activation: Elementwise;
  X: readonly (readonly number[])[];
  t: readonly number[];
  lr: number;
  steps: number;
}

/**
 * Entry s is measured after s updates. If the loss stops being finite, `divergedAt` is the first
 * such step and every array stops just before it (length divergedAt, all finite), so a chart
 * draws the valid prefix and the UI says "diverged at step N" instead of plotting NaN.
 * Without divergence the arrays have steps + 1 entries and `divergedAt` is absent. (In the step
 * just before a divergence a LeakyReLU run's deadGradNorm may already be ∞ while the loss is finite.)
 */
export interface DeadReluRun {
  loss: number[];
  /** Hidden units j with z[i][j] <= 0 for every sample i (also for LeakyReLU, which still learns there). */
  dead: number[];
  /** Euclidean norm of ∂loss/∂(W1[:, j], b1[j], W2[j][0]) over the dead units j; 0 when none is dead. */
  deadGradNorm: number[];
  divergedAt?: number;
}

const WHERE = 'deadRelu';

/** Trains the net for `steps` full-batch steps and records loss, dead units and their gradient norm at each step. */
export function deadRelu(input: DeadReluInput): DeadReluRun {
  return runToEnd(deadReluSteps(input));
}

/** `deadRelu` step by step: yields its progress after each training step, on buffers of its own. */
export function* deadReluSteps(input: DeadReluInput): Steps<DeadReluRun> {
  const { lr, steps } = input;
  const [n, d] = matrixShape(WHERE, 'X', input.X);
  const [, width] = matrixShape(WHERE, 'W1', input.W1);
  if (!Number.isInteger(steps) || steps < 0)
    throw new Error(`${WHERE}: steps must be a non-negative integer, got ${steps}`);
  if (typeof lr !== 'number' || !isFinite(lr)) throw new Error(`${WHERE}: lr must be a finite number, got ${lr}`);
  // The demo's inputs are points in the plane, and its activations lines through 0: those runs take the fused passes.
  return yield* train(input, n, d, width, d === 2 ? input.activation.negativeSlope : undefined);
}

/** The training loop, through the fused passes of dead-relu-fused.ts when `slope` is given, else the generic ones. */
function* train(
  input: DeadReluInput,
  n: number,
  d: number,
  width: number,
  slope: number | undefined,
): Steps<DeadReluRun> {
  const { activation, lr, steps } = input;
  const X = flattenMatrix(WHERE, 'X', input.X, n, d);
  const t = flattenVector(WHERE, 't', input.t, n);
  const W1 = flattenMatrix(WHERE, 'W1', input.W1, d, width);
  const b1 = flattenVector(WHERE, 'b1', input.b1, width);
  const W2 = flattenMatrix(WHERE, 'W2', input.W2, width, 1);
  const b2 = flattenVector(WHERE, 'b2', input.b2, 1);
  const gW1 = new Float64Array(d * width);
  const gb1 = new Float64Array(width);
  const gW2 = new Float64Array(width);
  const net: HiddenLayer = { n, d, width, X, W1, b1, W2, gW1, gb1, gW2 };
  const size = slope === undefined ? n * width : 0; // the fused passes store nothing
  const scratch: GenericScratch = { Z: new Float64Array(size), H: new Float64Array(size), Dz: new Float64Array(size) };
  const units = new Int32Array(width);
  const r = new Float64Array(n); // y_i (without b2), then y_i − t_i, then ∂loss/∂y_i = 2(y_i − t_i)/n
  const alive = new Uint8Array(width).fill(1); // before the first step, any unit may be alive
  const silent = activation.silentBelowZero === true;
  const run: DeadReluRun = { loss: [], dead: [], deadGradNorm: [] };

  for (let s = 0; s <= steps; s++) {
    // The generic passes (any activation; the slow ones at the largest sizes) yield inside the step too.
    const at = (f: number) => (s + f) / (steps + 1);
    if (slope === undefined) yield* within(forwardGeneric(net, activation, scratch, r, alive), at(0), at(0.5));
    else forwardLine(net, slope, units, r, alive);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const e = r[i] + b2[0] - t[i];
      r[i] = e;
      loss += e * e;
    }
    loss /= n;
    if (!isFinite(loss)) {
      run.divergedAt = s;
      break;
    }

    let gb2 = 0;
    for (let i = 0; i < n; i++) {
      r[i] = (2 * r[i]) / n; // now ∂loss/∂y_i
      gb2 += r[i];
    }
    if (slope === undefined) yield* within(backwardGeneric(net, scratch, r, alive, silent), at(0.5), at(1));
    else backwardLine(net, slope, units, r, alive);

    let dead = 0;
    let sq = 0;
    for (let j = 0; j < width; j++) {
      if (alive[j]) continue;
      dead++;
      sq += gb1[j] * gb1[j] + gW2[j] * gW2[j];
      for (let k = 0; k < d; k++) sq += gW1[k * width + j] * gW1[k * width + j];
    }
    run.loss.push(loss);
    run.dead.push(dead);
    run.deadGradNorm.push(Math.sqrt(sq));

    if (s === steps) break; // the last gradient is measured, never applied
    for (let k = 0; k < d * width; k++) W1[k] -= lr * gW1[k];
    for (let j = 0; j < width; j++) {
      b1[j] -= lr * gb1[j];
      W2[j] -= lr * gW2[j];
    }
    b2[0] -= lr * gb2;
    yield (s + 1) / (steps + 1);
  }
  return run;
}

/** Working arrays of the generic passes, n × width row-major: z, f(z) and f′(z) (then ∂loss/∂z for d ≠ 2). */
interface GenericScratch {
  Z: Float64Array;
  H: Float64Array;
  Dz: Float64Array;
}

/** Units (z values) per chunk of a generic pass, between yields: well under a millisecond even for a slow f. */
const CHUNK_UNITS = 1 << 14;

/**
 * Writes y = act(X·W1 + b1)·W2 (without b2) and alive[j] = 1 when some z[i][j] > 0, through `evaluate`; in
 * chunks of samples, yielding the fraction done after each (every value is computed as in one pass).
 */
function* forwardGeneric(
  net: HiddenLayer,
  act: Elementwise,
  s: GenericScratch,
  y: Float64Array,
  alive: Uint8Array,
): Steps<void> {
  const { n, width } = net;
  alive.fill(0);
  const rows = Math.max(1, Math.floor(CHUNK_UNITS / width));
  for (let i0 = 0; i0 < n; i0 += rows) {
    forwardRows(net, act, s, y, alive, i0, Math.min(n, i0 + rows));
    if (i0 + rows < n) yield (i0 + rows) / n;
  }
}

/** forwardGeneric's samples i0 ≤ i < i1. */
function forwardRows(
  net: HiddenLayer,
  act: Elementwise,
  s: GenericScratch,
  y: Float64Array,
  alive: Uint8Array,
  i0: number,
  i1: number,
): void {
  const { d, width, X, W1, b1, W2 } = net;
  const { Z, H } = s;
  for (let i = i0; i < i1; i++) {
    const row = i * width;
    const xi = i * d;
    // z = Σ_k X[i][k]·W1[k][j] (natural order), then + b1[j]; the README found other orders move the
    // loss by ≤ 5.2e-14 relative, far inside the 1e-9 tolerance, but this one is the scalar definition.
    if (d === 2) {
      // Points in the plane: unrolling the k-loop halves the run time, with the same sums in the same order.
      const x0 = X[xi];
      const x1 = X[xi + 1];
      for (let j = 0; j < width; j++) {
        const z = x0 * W1[j] + x1 * W1[width + j] + b1[j];
        if (z > 0) alive[j] = 1;
        Z[row + j] = z;
      }
      continue;
    }
    for (let j = 0; j < width; j++) {
      let z = 0;
      for (let k = 0; k < d; k++) z += X[xi + k] * W1[k * width + j];
      z += b1[j];
      if (z > 0) alive[j] = 1;
      Z[row + j] = z;
    }
  }
  // One call per chunk: cheaper than one per sample.
  evaluateInto(act, Z, i0 * width, H, s.Dz, i0 * width, (i1 - i0) * width);
  for (let i = i0; i < i1; i++) {
    const row = i * width;
    let yi = 0;
    for (let j = 0; j < width; j++) yi += H[row + j] * W2[j];
    y[i] = yi;
  }
}

/**
 * Gradients from dy = ∂loss/∂y after `forwardGeneric`. With `silent` (f = f′ = 0 for z ≤ 0), a unit that is not
 * alive passes nothing forward and gets no gradient: each of its sums is exactly zero, so it is skipped. In
 * chunks of units, yielding the fraction done after each.
 */
function* backwardGeneric(
  net: HiddenLayer,
  s: GenericScratch,
  dy: Float64Array,
  alive: Uint8Array,
  silent: boolean,
): Steps<void> {
  const { n, width } = net;
  const units = Math.max(1, Math.floor(CHUNK_UNITS / n));
  for (let j0 = 0; j0 < width; j0 += units) {
    backwardUnits(net, s, dy, alive, silent, j0, Math.min(width, j0 + units));
    if (j0 + units < width) yield (j0 + units) / width;
  }
}

/** backwardGeneric's units j0 ≤ j < j1. */
function backwardUnits(
  net: HiddenLayer,
  s: GenericScratch,
  dy: Float64Array,
  alive: Uint8Array,
  silent: boolean,
  j0: number,
  j1: number,
): void {
  const { n, d, width, X, W2, gW1, gb1, gW2 } = net;
  const { H, Dz } = s;
  // Column by column, so the sums stay in registers; each is still summed over samples in order.
  for (let j = j0; j < j1; j++) {
    if (silent && !alive[j]) {
      gW2[j] = 0;
      gb1[j] = 0;
      for (let k = 0; k < d; k++) gW1[k * width + j] = 0;
      continue;
    }
    const w2 = W2[j];
    let sW2 = 0;
    let sb1 = 0;
    if (d === 2) {
      let s0 = 0;
      let s1 = 0;
      for (let i = 0, ij = j; i < n; i++, ij += width) {
        const ri = dy[i];
        sW2 += H[ij] * ri;
        const dz = ri * w2 * Dz[ij];
        sb1 += dz;
        s0 += X[2 * i] * dz;
        s1 += X[2 * i + 1] * dz;
      }
      gW1[j] = s0;
      gW1[width + j] = s1;
    } else {
      for (let i = 0, ij = j; i < n; i++, ij += width) {
        const ri = dy[i];
        sW2 += H[ij] * ri;
        const dz = ri * w2 * Dz[ij];
        sb1 += dz;
        Dz[ij] = dz; // ∂loss/∂z, for the general-d sums below
      }
      for (let k = 0; k < d; k++) {
        let sk = 0;
        for (let i = 0, ij = j; i < n; i++, ij += width) sk += X[i * d + k] * Dz[ij];
        gW1[k * width + j] = sk;
      }
    }
    gW2[j] = sW2;
    gb1[j] = sb1;
  }
}
