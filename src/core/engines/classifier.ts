/**
 * A 2 → H → 1 classifier under full-batch gradient descent, to show why activations are needed:
 * z = X·W1 + b1, a = act(z), logit = a·W2 + b2, loss = mean BCEWithLogits(logit, y). Every step takes all four
 * gradients at the same parameters, then updates P ← P − lr·∂loss/∂P. With the identity as `act` the whole
 * network is one linear map, so its decision boundary is a straight line whatever H is.
 */
import { evaluateInto, type Elementwise } from './evaluate';
import { flattenMatrix, flattenVector, matrixShape, toRows, type OneHiddenLayer } from '../numeric/matrix';
import { runToEnd, type Steps } from './steps';

/** The identity as an activation: no activation at all (torch.nn.Identity). */
export const IDENTITY: Elementwise = {
  f: (x) => x,
  df: () => 1,
  // A loop of its own, like the registry's activations: no call per element through f and df.
  evaluate: (z, zOff, fOut, dfOut, outOff, n) => {
    for (let i = 0; i < n; i++) {
      fOut[outOff + i] = z[zOff + i];
      dfOut[outOff + i] = 1;
    }
  },
};

/** Network, data and schedule; shapes as in classifier.json (W1 is 2 × H, W2 H × 1, b2 length 1, y in {0, 1}). */
export interface ClassifierInput extends OneHiddenLayer {
  activation: Elementwise;
  X: readonly (readonly number[])[];
  y: readonly number[];
  lr: number;
  steps: number;
}

/** Entry s of `loss` and `accuracy` is measured after s updates (s = 0..steps); the parameters are the final ones. */
export interface ClassifierRun {
  loss: number[];
  /** Fraction of points with (logit > 0) = (y = 1). */
  accuracy: number[];
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/** The trained network as flat arrays, for evaluating it on a grid (the decision map). */
export interface ClassifierNet {
  activation: Elementwise;
  width: number;
  /** 2 × width, row-major. */
  W1: Float64Array;
  b1: Float64Array;
  W2: Float64Array;
  b2: number;
}

const WHERE = 'classifier';

/** σ(l) without overflow for large |l|. */
function sigmoid(l: number): number {
  if (l >= 0) return 1 / (1 + Math.exp(-l));
  const e = Math.exp(l);
  return e / (1 + e);
}

/**
 * The logits of `n` points (x, y pairs interleaved) into `logit`, leaving act(z) and act′(z) of every point's hidden
 * layer in a and da (n × width): the activation runs once over the whole batch, not once per point.
 */
function forward(
  net: ClassifierNet,
  points: Float64Array,
  n: number,
  z: Float64Array,
  a: Float64Array,
  da: Float64Array,
  logit: Float64Array,
): void {
  const { width, W1, b1, W2 } = net;
  for (let i = 0; i < n; i++) {
    const x0 = points[2 * i];
    const x1 = points[2 * i + 1];
    for (let j = 0; j < width; j++) z[i * width + j] = x0 * W1[j] + x1 * W1[width + j] + b1[j];
  }
  evaluateInto(net.activation, z, 0, a, da, 0, n * width);
  for (let i = 0; i < n; i++) {
    let l = net.b2;
    for (let j = 0; j < width; j++) l += a[i * width + j] * W2[j];
    logit[i] = l;
  }
}

/**
 * Views of one zeroed buffer, `sizes` long each, in order: one allocation for all of a run's scratch, as a browser
 * backs every typed array of more than 64 bytes with memory outside the JS heap (~20 µs each in Chromium, measured).
 */
function carve(...sizes: number[]): Float64Array[] {
  const buffer = new Float64Array(sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  return sizes.map((size) => buffer.subarray(at, (at += size)));
}

/** Points per forward pass of `classifierProbabilities`: its hidden-layer scratch stays a few kB at any width. */
const CHUNK = 64;

/**
 * P(y = 1) of the network at each of `points` (x, y pairs interleaved), written into `out`. The points go through
 * in chunks with one small scratch: a browser backs every large typed array with memory outside the JS heap, and
 * three such arrays per call (a 40 × 40 map is 12 800 hidden units) cost 20 times the arithmetic (measured).
 */
export function classifierProbabilities(net: ClassifierNet, points: Float64Array, out: Float64Array): void {
  const size = Math.min(CHUNK, out.length) * net.width;
  const [z, a, da, logit] = carve(size, size, size, CHUNK);
  for (let from = 0; from < out.length; from += CHUNK) {
    const n = Math.min(CHUNK, out.length - from);
    forward(net, points.subarray(2 * from, 2 * (from + n)), n, z, a, da, logit);
    for (let p = 0; p < n; p++) out[from + p] = sigmoid(logit[p]);
  }
}

/**
 * Forward over every point at the current parameters: appends the mean loss and the share classified right,
 * leaves ∂loss/∂logit = (σ(l) − y)/n in g. The loops live in plain functions (this and `descend`), not in the generator
 * that drives them: V8 optimises a hot loop in place only there, and until then (a fresh Worker's first runs) every
 * intermediate number is boxed — a cold run took ~10 times a warm one.
 */
function measure(
  net: ClassifierNet,
  X: Float64Array,
  y: Float64Array,
  n: number,
  Z: Float64Array,
  A: Float64Array,
  dA: Float64Array,
  logits: Float64Array,
  g: Float64Array,
  loss: number[],
  accuracy: number[],
): void {
  forward(net, X, n, Z, A, dA, logits);
  let total = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    const logit = logits[i];
    // One e^−|l| for both: BCEWithLogits = max(l, 0) − l·y + log(1 + e^−|l|) (torch's overflow-free form), σ(l).
    const e = Math.exp(-Math.abs(logit));
    total += Math.max(logit, 0) - logit * y[i] + Math.log1p(e);
    if (logit > 0 === (y[i] === 1)) right++;
    g[i] = ((logit >= 0 ? 1 : e) / (1 + e) - y[i]) / n;
  }
  loss.push(total / n);
  accuracy.push(right / n);
}

/**
 * Backward, then one update: each hidden unit's gradients (its W1 column, b1, W2 entries) summed over the points in
 * order, then that unit updated at once — it reads only its own W2 entry, so every gradient is still taken at the
 * same parameters. Sums in locals, not in an array: the same additions in the same order, without a store each.
 */
function descend(
  net: ClassifierNet,
  X: Float64Array,
  n: number,
  A: Float64Array,
  dA: Float64Array,
  g: Float64Array,
  lr: number,
): void {
  const { width, W1, b1, W2 } = net;
  for (let j = 0; j < width; j++) {
    const w2 = W2[j];
    let gx = 0;
    let gy = 0;
    let gb = 0;
    let gw = 0;
    for (let i = 0, at = j; i < n; i++, at += width) {
      const gi = g[i];
      gw += A[at] * gi;
      const dz = gi * w2 * dA[at];
      gx += X[2 * i] * dz;
      gy += X[2 * i + 1] * dz;
      gb += dz;
    }
    W1[j] -= lr * gx;
    W1[width + j] -= lr * gy;
    b1[j] -= lr * gb;
    W2[j] = w2 - lr * gw;
  }
  let gb2 = 0;
  for (let i = 0; i < n; i++) gb2 += g[i];
  net.b2 -= lr * gb2;
}

/** Trains the classifier and records loss and accuracy at every step; `onStep` sees the network before each update. */
export function trainClassifier(
  input: ClassifierInput,
  onStep?: (step: number, net: ClassifierNet) => void,
): ClassifierRun & { net: ClassifierNet } {
  return runToEnd(trainClassifierSteps(input, onStep));
}

/** `trainClassifier` step by step: yields its progress after each update, on buffers of its own. */
export function* trainClassifierSteps(
  input: ClassifierInput,
  onStep?: (step: number, net: ClassifierNet) => void,
): Steps<ClassifierRun & { net: ClassifierNet }> {
  const { lr, steps, activation } = input;
  const [n, d] = matrixShape(WHERE, 'X', input.X);
  if (d !== 2) throw new Error(`${WHERE}: X must hold points in the plane (2 columns), got ${d}`);
  const [, width] = matrixShape(WHERE, 'W1', input.W1);
  if (!Number.isInteger(steps) || steps < 0)
    throw new Error(`${WHERE}: steps must be a non-negative integer, got ${steps}`);
  if (typeof lr !== 'number' || !isFinite(lr)) throw new Error(`${WHERE}: lr must be a finite number, got ${lr}`);
  const X = flattenMatrix(WHERE, 'X', input.X, n, 2);
  const y = flattenVector(WHERE, 'y', input.y, n);
  const net: ClassifierNet = {
    activation,
    width,
    W1: flattenMatrix(WHERE, 'W1', input.W1, 2, width),
    b1: flattenVector(WHERE, 'b1', input.b1, width),
    W2: flattenMatrix(WHERE, 'W2', input.W2, width, 1),
    b2: flattenVector(WHERE, 'b2', input.b2, 1)[0],
  };
  const loss: number[] = [];
  const accuracy: number[] = [];
  const [Z, A, dA, logits, g] = carve(n * width, n * width, n * width, n, n);
  for (let s = 0; ; s++) {
    measure(net, X, y, n, Z, A, dA, logits, g, loss, accuracy);
    onStep?.(s, net);
    if (s === steps) break;
    descend(net, X, n, A, dA, g, lr);
    yield (s + 1) / (steps + 1);
  }
  return {
    loss,
    accuracy,
    net,
    W1: toRows(net.W1, 2, width),
    b1: Array.from(net.b1),
    W2: toRows(net.W2, width, 1),
    b2: [net.b2],
  };
}
