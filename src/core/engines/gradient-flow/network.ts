/**
 * Gradient flow through a plain float64 MLP, with hand-written backprop:
 * h_0 = inputs, h_l = act(h_{l-1}·W_l + b_l), loss = Σ h_L. For each layer (first layer
 * first) it reports ‖∂loss/∂W_l‖_F, ‖∂loss/∂b_l‖, mean |∂loss/∂h_l| and the loss.
 *
 * Speed (sliders redraw at depth 50 × width 64 × batch 16): flat Float64Arrays, one blocked
 * matrix kernel for h·W and G·Wᵀ, ‖∂loss/∂W_l‖ via Gram matrices instead of forming the matrix
 * (see productFrobeniusNorm), and no allocation per element. Overflow is not an error: ∞/NaN
 * propagate into the results (exploding-gradient settings), so callers check isFinite.
 */
import { evaluateInto, type Elementwise } from '../evaluate';
import { runToEnd, within, type Steps } from '../steps';
import {
  biasCount,
  flattenMatrix,
  flattenVector,
  gemm,
  isList,
  matrixShape,
  norm,
  productFrobeniusNormSteps,
  ShapeError,
  sumOfProducts,
} from '../../numeric/matrix';

/** A network and batch as nested arrays: weights[l-1][i][j] = W_l[i][j] (input i → output j). */
export interface GradientFlowInput {
  activation: Elementwise;
  weights: readonly (readonly (readonly number[])[])[];
  biases: readonly (readonly number[])[];
  inputs: readonly (readonly number[])[];
}

/** Per-layer gradient statistics, index l-1 for layer l. */
export interface GradientFlow {
  loss: number;
  gradWNorm: number[];
  gradBNorm: number[];
  gradHMeanAbs: number[];
}

/**
 * The same network flat: `widths[0]` is the input width and `widths[l]` layer l's width;
 * `weights` holds each W_l row-major one after another, `biases` each b_l, `inputs` is batch × widths[0].
 */
export interface FlatNetwork {
  widths: readonly number[];
  batch: number;
  weights: Float64Array;
  biases: Float64Array;
  inputs: Float64Array;
}

const WHERE = 'gradientFlow';

/**
 * Gradient statistics of a network given as nested arrays. Throws ShapeError on inconsistent
 * shapes (a programming error: callers build these arrays themselves). Layers may differ in width.
 */
export function gradientFlow({ activation, weights, biases, inputs }: GradientFlowInput): GradientFlow {
  const [batch, inWidth] = matrixShape(WHERE, 'inputs', inputs);
  if (!isList(weights) || weights.length === 0) throw new ShapeError(WHERE, 'weights must hold at least one layer');
  if (!isList(biases) || biases.length !== weights.length) {
    throw new ShapeError(WHERE, `biases must have one vector per layer (${weights.length}), got ${biases?.length}`);
  }
  const widths = [inWidth];
  for (let l = 0; l < weights.length; l++) {
    const [rows, cols] = matrixShape(WHERE, `weights[${l}]`, weights[l]);
    if (rows !== widths[l]) {
      throw new ShapeError(WHERE, `weights[${l}] has ${rows} rows but its input has width ${widths[l]}`);
    }
    widths.push(cols);
  }
  const flatW = new Float64Array(sumOfProducts(widths));
  const flatB = new Float64Array(biasCount(widths));
  for (let l = 0, wo = 0, bo = 0; l < weights.length; l++) {
    const nIn = widths[l];
    const nOut = widths[l + 1];
    flatW.set(flattenMatrix(WHERE, `weights[${l}]`, weights[l], nIn, nOut), wo);
    flatB.set(flattenVector(WHERE, `biases[${l}]`, biases[l], nOut), bo);
    wo += nIn * nOut;
    bo += nOut;
  }
  const flatX = flattenMatrix(WHERE, 'inputs', inputs, batch, inWidth);
  return gradientFlowFlat(activation, { widths, batch, weights: flatW, biases: flatB, inputs: flatX });
}

/**
 * Scratch buffers of one run (grow-only), so dragging a slider does not allocate and zero ~2 MB per update.
 * Runs paused between layers may interleave (two blocks computing in slices), so each run takes a workspace of
 * its own from a small pool and gives it back when it ends.
 */
class Workspace {
  private readonly buffers = new Map<string, Float64Array>();

  /** A scratch buffer of at least `length` numbers; contents are unspecified (callers write before reading). */
  get(name: string, length: number): Float64Array {
    let b = this.buffers.get(name);
    if (!b || b.length < length) this.buffers.set(name, (b = new Float64Array(length)));
    return b;
  }
}

/** Idle workspaces; more than two runs at once are rare, and their buffers may then be collected. */
const idle: Workspace[] = [];
const POOL = 2;

/** Optional extras of a run: a weight gain, and a look at each layer's pre-activations as they pass. */
export interface FlowOptions {
  /** Every weight matrix is used as gain·W (the init's standard deviation times gain); 1 when absent. */
  gain?: number;
  /** Called once per layer (first layer first) with z and f′(z) of all batch × width units. */
  observe?: (layer: number, z: Float64Array, df: Float64Array, dfOffset: number, n: number) => void;
}

/** Gradient statistics of a flat network; the fast path the demo uses. Sizes are trusted except for totals. */
export function gradientFlowFlat(activation: Elementwise, net: FlatNetwork, options: FlowOptions = {}): GradientFlow {
  return runToEnd(gradientFlowSteps(activation, net, options));
}

/**
 * `gradientFlowFlat` step by step: yields its progress after each layer of the forward and of the backward pass.
 * Shapes are checked before the first step; the caller's arrays must not change while it is paused.
 */
export function gradientFlowSteps(
  activation: Elementwise,
  net: FlatNetwork,
  options: FlowOptions = {},
): Steps<GradientFlow> {
  checkFlat(net);
  return flowSteps(activation, net, options);
}

function checkFlat(net: FlatNetwork): void {
  const { widths, batch, weights: W, biases: B, inputs: X } = net;
  const depth = widths.length - 1;
  if (depth < 1 || !(batch >= 1)) throw new ShapeError(WHERE, 'need at least one layer and one sample');
  if (!widths.every((w) => Number.isInteger(w) && w >= 1)) {
    throw new ShapeError(WHERE, `widths must be positive integers, got ${widths.join(', ')}`);
  }
  const expected: [string, number, number][] = [
    ['weights', W.length, sumOfProducts(widths)],
    ['biases', B.length, biasCount(widths)],
    ['inputs', X.length, batch * widths[0]],
  ];
  for (const [label, got, want] of expected) {
    if (got !== want) throw new ShapeError(WHERE, `${label} hold ${got} numbers, expected ${want}`);
  }
}

function* flowSteps(activation: Elementwise, net: FlatNetwork, options: FlowOptions): Steps<GradientFlow> {
  const ws = idle.pop() ?? new Workspace();
  try {
    return yield* flow(activation, net, options, ws);
  } finally {
    if (idle.length < POOL) idle.push(ws);
  }
}

/** Multiply-adds of one step at most: a layer's matrix products go in chunks of rows (≈1 ms each on a laptop). */
export const STEP_MACS = 1 << 20;

/** Rows per chunk of an R × n × m product: a multiple of 4 (the kernel's blocks, so the sums stay the same), ≥ 4. */
function chunkRows(perRow: number): number {
  return Math.max(4, 4 * Math.floor(STEP_MACS / (4 * Math.max(1, perRow))));
}

function* flow(
  activation: Elementwise,
  net: FlatNetwork,
  { gain = 1, observe }: FlowOptions,
  ws: Workspace,
): Steps<GradientFlow> {
  const { widths, batch, weights: W, biases: B, inputs: X } = net;
  const depth = widths.length - 1;

  // Offsets of each layer's W, b and activations in the flat buffers (index l-1 for layer l).
  const wOff = new Int32Array(depth);
  const bOff = new Int32Array(depth);
  const aOff = new Int32Array(depth + 1);
  let maxW = 0;
  let maxIO = 0;
  for (let l = 1, wo = 0, bo = 0; l <= depth; l++) {
    wOff[l - 1] = wo;
    bOff[l - 1] = bo;
    aOff[l] = aOff[l - 1] + batch * widths[l];
    wo += widths[l - 1] * widths[l];
    bo += widths[l];
    maxW = Math.max(maxW, widths[l - 1] * widths[l]);
    maxIO = Math.max(maxIO, widths[l - 1], widths[l]);
  }
  // H holds h_1..h_L and D holds act'(z_1..z_L), both batch × width per layer: backprop needs
  // nothing else. Layer l's block starts at aOff[l-1]; h_0 is the caller's X.
  const H = ws.get('H', aOff[depth]);
  const D = ws.get('D', aOff[depth]);
  const Z = ws.get('Z', batch * maxIO);
  // The activations feeding layer l: X for l = 1, else h_{l-1} inside H.
  const inputOf = (l: number): Float64Array => (l === 1 ? X : H);
  const inputOff = (l: number): number => (l === 1 ? 0 : aOff[l - 2]);

  for (let l = 1; l <= depth; l++) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    const bo = bOff[l - 1];
    const ao = aOff[l - 1];
    // z[b][j] = Σ_i h[b][i]·W[i][j]: B(j, i) = W[i][j] is a strided view, no transpose copied.
    // In chunks of rows (samples), yielding after each: every row is computed as in one call.
    const rows = chunkRows(nIn * nOut);
    for (let r0 = 0; r0 < batch; r0 += rows) {
      const n = Math.min(rows, batch - r0);
      const h = { data: inputOf(l), off: inputOff(l) + r0 * nIn, rs: nIn, ks: 1 };
      gemm(n, nOut, nIn, h, { data: W, off: wOff[l - 1], rs: 1, ks: nOut }, Z, r0 * nOut);
      for (let b = r0; b < r0 + n; b++) {
        const row = b * nOut;
        for (let j = 0; j < nOut; j++) Z[row + j] = gain * Z[row + j] + B[bo + j];
      }
      evaluateInto(activation, Z, r0 * nOut, H, D, ao + r0 * nOut, n * nOut);
      if (r0 + n < batch) yield (l - 1 + (r0 + n) / batch) / (2 * depth);
    }
    observe?.(l, Z, D, ao, batch * nOut);
    yield l / (2 * depth);
  }

  let loss = 0;
  for (let k = aOff[depth - 1]; k < aOff[depth]; k++) loss += H[k];

  const gradWNorm = new Array<number>(depth);
  const gradBNorm = new Array<number>(depth);
  const gradHMeanAbs = new Array<number>(depth);
  let G = ws.get('G', batch * maxIO); // ∂loss/∂h_l, turned into ∂loss/∂z_l in place
  let Gprev = ws.get('Gprev', batch * maxIO);
  const dB = ws.get('dB', maxIO);
  // The Gram path needs 2·batch² of scratch, but only when batch·(nIn + nOut) < nIn·nOut, where 2·batch² < nIn·nOut/2:
  // the largest layer's nIn·nOut always suffices.
  const scratch = ws.get('scratch', maxW);
  G.fill(1, 0, batch * widths[depth]);

  for (let l = depth; l >= 1; l--) {
    const nIn = widths[l - 1];
    const nOut = widths[l];
    const n = batch * nOut;
    const ao = aOff[l - 1];
    let absSum = 0;
    for (let k = 0; k < n; k++) {
      const g = G[k];
      absSum += g < 0 ? -g : g;
      G[k] = g * D[ao + k];
    }
    gradHMeanAbs[l - 1] = absSum / n;

    dB.fill(0, 0, nOut);
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < nOut; j++) dB[j] += G[b * nOut + j];
    }
    gradBNorm[l - 1] = norm(dB, nOut);
    // ∂loss/∂W_l = h_{l-1}ᵀ·G; only its norm is needed, which is cheaper than the matrix.
    const at = (2 * depth - l + 0.5) / (2 * depth);
    const wNorm = productFrobeniusNormSteps(inputOf(l), inputOff(l), G, 0, batch, nIn, nOut, scratch, STEP_MACS);
    gradWNorm[l - 1] = yield* within(wNorm, at, at);

    if (l > 1) {
      // ∂loss/∂h_{l-1}[b][i] = Σ_j G[b][j]·W[i][j]: W_l row-major is already the B(i, j) layout.
      const rows = chunkRows(nIn * nOut);
      for (let r0 = 0; r0 < batch; r0 += rows) {
        const n = Math.min(rows, batch - r0);
        const g = { data: G, off: r0 * nOut, rs: nOut, ks: 1 };
        gemm(n, nIn, nOut, g, { data: W, off: wOff[l - 1], rs: nOut, ks: 1 }, Gprev, r0 * nIn);
        if (r0 + n < batch) yield (2 * depth - l + (r0 + n) / batch) / (2 * depth);
      }
      if (gain !== 1) for (let k = 0; k < batch * nIn; k++) Gprev[k] *= gain;
      const t = G;
      G = Gprev;
      Gprev = t;
    }
    if (l > 1) yield (2 * depth - l + 1) / (2 * depth);
  }
  return { loss, gradWNorm, gradBNorm, gradHMeanAbs };
}
