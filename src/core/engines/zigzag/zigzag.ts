/**
 * Why zero-centred inputs matter: one linear neuron y = x·w (w ∈ R², no bias) trained on
 * loss(w) = mean (y_i − t_i)², by full-batch gradient descent or by SGD with batch 1. With
 * all-positive inputs (Sigmoid outputs) every sample's gradient 2(y_i − t_i)·x_i has two
 * same-sign components, so a single sample can only move both weights up or both down.
 */
import { flattenMatrix, flattenVector, matrixShape, ShapeError } from '../../numeric/matrix';
import { runToEnd, type Steps } from '../steps';

/** Inputs (n × 2), targets, start point and schedule, as in zigzag.json. */
export interface ZigzagInput {
  x: readonly (readonly number[])[];
  t: readonly number[];
  w0: readonly number[];
  lr: number;
  steps: number;
  /** SGD with batch 1: update s uses only sample order[s] (full-batch gradient descent when absent). */
  order?: readonly number[];
}

/**
 * The trajectory. Without divergence `w` and `loss` have steps + 1 entries (w[0] = w0) and the
 * two per-update arrays have steps. If the loss stops being finite, `divergedAt` is the first such
 * step, `w` and `loss` stop just before it, and the per-update arrays keep only the updates between
 * recorded points (always one entry fewer than `w`).
 */
export interface ZigzagRun {
  w: [number, number][];
  loss: number[];
  /** Update s (−lr·∇loss(w[s]), or −lr·∇loss_i(w[s]) for SGD's sample i) has two non-zero components of the same sign. */
  updateSameSign: boolean[];
  /** Update s itself, (u₁, u₂) with w[s+1] = w[s] + u (differences of w would lose its last bits). */
  updates: [number, number][];
  /** k/n, k = samples whose own gradient 2(y_i − t_i)·x[i] at w[s] has two non-zero same-sign components. */
  perSampleSameSignFraction: number[];
  divergedAt?: number;
}

const WHERE = 'zigzag';

/** Runs `steps` gradient-descent updates from w0 and records the path, the loss and the sign statistics. */
export function zigzag(input: ZigzagInput): ZigzagRun {
  return runToEnd(zigzagSteps(input));
}

/** `zigzag` step by step: yields its progress after every 64 updates (one is a few samples' work). */
export function* zigzagSteps(input: ZigzagInput): Steps<ZigzagRun> {
  const { lr, steps } = input;
  const [n, cols] = matrixShape(WHERE, 'x', input.x);
  if (cols !== 2) throw new ShapeError(WHERE, `x must have 2 columns, got ${cols}`);
  if (!Number.isInteger(steps) || steps < 0)
    throw new Error(`${WHERE}: steps must be a non-negative integer, got ${steps}`);
  if (typeof lr !== 'number' || !isFinite(lr)) throw new Error(`${WHERE}: lr must be a finite number, got ${lr}`);
  const order = input.order;
  if (order && (order.length < steps || order.slice(0, steps).some((i) => !Number.isInteger(i) || i < 0 || i >= n))) {
    throw new Error(`${WHERE}: order must give a sample index in [0, ${n}) for each of the ${steps} steps`);
  }
  const x = flattenMatrix(WHERE, 'x', input.x, n, 2);
  const t = flattenVector(WHERE, 't', input.t, n);
  let [w0, w1] = flattenVector(WHERE, 'w0', input.w0, 2);
  const run: ZigzagRun = { w: [], loss: [], updateSameSign: [], updates: [], perSampleSameSignFraction: [] };

  for (let s = 0; s <= steps; s++) {
    let loss = 0;
    let g0 = 0;
    let g1 = 0;
    let sameSign = 0;
    const pick = order && s < steps ? order[s] : -1;
    let q0 = 0;
    let q1 = 0;
    for (let i = 0; i < n; i++) {
      const xi0 = x[2 * i];
      const xi1 = x[2 * i + 1];
      const e = xi0 * w0 + xi1 * w1 - t[i];
      loss += e * e;
      // The per-sample gradient, literally as defined; its components share the factor 2e.
      const p0 = 2 * e * xi0;
      const p1 = 2 * e * xi1;
      if (p0 !== 0 && p1 !== 0 && p0 > 0 === p1 > 0) sameSign++;
      g0 += p0;
      g1 += p1;
      if (i === pick) [q0, q1] = [p0, p1];
    }
    loss /= n;
    if (!isFinite(loss)) {
      run.divergedAt = s;
      run.updateSameSign.length = run.updates.length = run.perSampleSameSignFraction.length = Math.max(0, s - 1);
      break;
    }
    run.w.push([w0, w1]);
    run.loss.push(loss);
    if (s === steps) break;
    // ∇loss = (2/n)·Σ_i (y_i − t_i)·x[i] = (1/n)·Σ_i of the per-sample gradients; SGD takes one of them.
    const u0 = -lr * (pick >= 0 ? q0 : g0 / n);
    const u1 = -lr * (pick >= 0 ? q1 : g1 / n);
    run.updateSameSign.push(u0 !== 0 && u1 !== 0 && u0 > 0 === u1 > 0);
    run.updates.push([u0, u1]);
    run.perSampleSameSignFraction.push(sameSign / n);
    w0 += u0;
    w1 += u1;
    if (s % 64 === 63) yield (s + 1) / (steps + 1);
  }
  return run;
}
