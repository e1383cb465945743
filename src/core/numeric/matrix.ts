/**
 * Small helpers shared by the numeric engines: shape checks and conversion between the
 * public nested-array form (`number[][]`, rows first) and flat row-major Float64Arrays.
 */

/**
 * Thrown when an engine receives arrays of inconsistent shapes. Shapes come from code
 * (the demos generate their own data), so a mismatch is a programming error, not user input:
 * it throws instead of returning a `Problem`, and there is no translated message for it.
 */
export class ShapeError extends Error {
  /** Creates the error; `where` names the engine, e.g. `gradientFlow`. */
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = 'ShapeError';
  }
}

/** Copies a rows × cols nested array into a flat row-major Float64Array, checking every row's length. */
export function flattenMatrix(
  where: string,
  label: string,
  m: readonly (readonly number[])[],
  rows: number,
  cols: number,
): Float64Array {
  if (!isList(m) || m.length !== rows) {
    throw new ShapeError(where, `${label} must have ${rows} rows, got ${lengthOf(m)}`);
  }
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row: readonly number[] = m[i];
    if (!isList(row) || row.length !== cols) {
      throw new ShapeError(where, `${label}[${i}] must have ${cols} entries, got ${lengthOf(row)}`);
    }
    for (let j = 0; j < cols; j++) out[i * cols + j] = row[j];
  }
  return out;
}

/** Copies a vector into a Float64Array after checking its length. */
export function flattenVector(where: string, label: string, v: readonly number[], length: number): Float64Array {
  if (!isList(v) || v.length !== length) {
    throw new ShapeError(where, `${label} must have ${length} entries, got ${lengthOf(v)}`);
  }
  return Float64Array.from(v);
}

/** Rows × cols of a non-empty rectangular nested array; throws ShapeError when empty or ragged. */
export function matrixShape(where: string, label: string, m: readonly (readonly number[])[]): [number, number] {
  if (!isList(m) || m.length === 0 || !isList(m[0]) || m[0].length === 0) {
    throw new ShapeError(where, `${label} must be a non-empty matrix (array of equal-length rows)`);
  }
  const cols = m[0].length;
  for (let i = 1; i < m.length; i++) {
    const row: readonly number[] = m[i];
    if (!isList(row) || row.length !== cols) {
      throw new ShapeError(where, `${label}[${i}] must have ${cols} entries like ${label}[0], got ${lengthOf(row)}`);
    }
  }
  return [m.length, cols];
}

/** Array.isArray without widening readonly arrays to any[] (shapes may come from JSON, so check at runtime). */
export function isList(v: unknown): v is readonly unknown[] {
  return Array.isArray(v);
}

/** A length for error messages: the array's length, or the type of what came instead (data may come from JSON). */
function lengthOf(v: unknown): string {
  return Array.isArray(v) ? String(v.length) : typeof v;
}

/** Splits a flat row-major array into rows × cols nested plain arrays. */
export function toRows(flat: ArrayLike<number>, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(Array.from({ length: cols }, (_, j) => flat[i * cols + j]));
  return out;
}

/** Σ widths[l-1]·widths[l]: the number of weights of all layers. */
export function sumOfProducts(widths: readonly number[]): number {
  let s = 0;
  for (let l = 1; l < widths.length; l++) s += widths[l - 1] * widths[l];
  return s;
}

/** Σ widths[l] over layers l ≥ 1: the number of biases. */
export function biasCount(widths: readonly number[]): number {
  let s = 0;
  for (let l = 1; l < widths.length; l++) s += widths[l];
  return s;
}

/** Euclidean norm of v[0..n); rescales only when squares could underflow or overflow (vanishing/exploding demos). */
export function norm(v: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += v[k] * v[k];
  if (s > 1e-290 && s < 1e290) return Math.sqrt(s);
  let m = 0;
  for (let k = 0; k < n; k++) m = Math.max(m, Math.abs(v[k]));
  if (m === 0 || !isFinite(m)) return m;
  let t = 0;
  for (let k = 0; k < n; k++) t += (v[k] / m) * (v[k] / m);
  return m * Math.sqrt(t);
}

/** Where a matrix operand lives in a flat array: element (r, k) is at `off + r·rs + k·ks`. */
export interface Strided {
  data: Float64Array;
  off: number;
  rs: number;
  ks: number;
}

/**
 * out[outOff + r·C + c] = Σ_k A(r, k)·B(c, k) for r < R, c < C, k < K, where A and B are strided
 * views, so A·B, A·Bᵀ and Aᵀ·B all run without copying a transpose. 4 × 4 register blocks load
 * each number once per 4 products: on V8 (scalar doubles only) this is ~2× a plain triple loop.
 * Summation over k is in increasing order. Row r of the result starts at outOff + r·outRs.
 */
export function gemm(
  R: number,
  C: number,
  K: number,
  A: Strided,
  B: Strided,
  out: Float64Array,
  outOff: number,
  outRs = C,
): void {
  const a = A.data,
    ars = A.rs,
    aks = A.ks;
  const b = B.data,
    bcs = B.rs,
    bks = B.ks;
  const R4 = R - (R % 4);
  const C4 = C - (C % 4);
  for (let r = 0; r < R4; r += 4) {
    const a0 = A.off + r * ars,
      a1 = a0 + ars,
      a2 = a1 + ars,
      a3 = a2 + ars;
    for (let c = 0; c < C4; c += 4) {
      const b0 = B.off + c * bcs,
        b1 = b0 + bcs,
        b2 = b1 + bcs,
        b3 = b2 + bcs;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s23 = 0,
        s30 = 0,
        s31 = 0,
        s32 = 0,
        s33 = 0;
      for (let k = 0, ka = 0, kb = 0; k < K; k++, ka += aks, kb += bks) {
        const w0 = b[b0 + kb],
          w1 = b[b1 + kb],
          w2 = b[b2 + kb],
          w3 = b[b3 + kb];
        const x0 = a[a0 + ka],
          x1 = a[a1 + ka],
          x2 = a[a2 + ka],
          x3 = a[a3 + ka];
        s00 += x0 * w0;
        s01 += x0 * w1;
        s02 += x0 * w2;
        s03 += x0 * w3;
        s10 += x1 * w0;
        s11 += x1 * w1;
        s12 += x1 * w2;
        s13 += x1 * w3;
        s20 += x2 * w0;
        s21 += x2 * w1;
        s22 += x2 * w2;
        s23 += x2 * w3;
        s30 += x3 * w0;
        s31 += x3 * w1;
        s32 += x3 * w2;
        s33 += x3 * w3;
      }
      const o0 = outOff + r * outRs + c,
        o1 = o0 + outRs,
        o2 = o1 + outRs,
        o3 = o2 + outRs;
      out[o0] = s00;
      out[o0 + 1] = s01;
      out[o0 + 2] = s02;
      out[o0 + 3] = s03;
      out[o1] = s10;
      out[o1 + 1] = s11;
      out[o1 + 2] = s12;
      out[o1 + 3] = s13;
      out[o2] = s20;
      out[o2 + 1] = s21;
      out[o2 + 2] = s22;
      out[o2 + 3] = s23;
      out[o3] = s30;
      out[o3 + 1] = s31;
      out[o3 + 2] = s32;
      out[o3 + 3] = s33;
    }
  }
  // Edges: every column of the rows past R4, and the columns past C4 of the blocked rows.
  for (let r = 0; r < R; r++) {
    const ar = A.off + r * ars;
    for (let c = r < R4 ? C4 : 0; c < C; c++) {
      const bc = B.off + c * bcs;
      let s = 0;
      for (let k = 0; k < K; k++) s += a[ar + k * aks] * b[bc + k * bks];
      out[outOff + r * outRs + c] = s;
    }
  }
}

/**
 * ‖PᵀG‖_F for row-major P (n × p, at pOff) and G (n × q, at gOff) — the norm of a weight gradient
 * Σ_b p_b g_bᵀ. When n·(p + q) < p·q it uses ‖PᵀG‖² = Σ_{b,b'} (PPᵀ)_{bb'}(GGᵀ)_{bb'}, which needs
 * n²(p + q) products instead of n·p·q. That identity can cancel: its rounding error is about
 * K·ε·(Σ_b‖p_b‖‖g_b‖)² relative to the result, so whenever that ratio exceeds 1e4 (error bound
 * ~1e-10) or the Gram entries near under/overflow, the product is formed explicitly instead. `scratch` must
 * hold p·q numbers: the two Gram matrices (2n²) are smaller whenever they are used, as n·(p + q) < p·q gives
 * 2n² < p·q/2.
 */
export function productFrobeniusNorm(
  P: Float64Array,
  pOff: number,
  G: Float64Array,
  gOff: number,
  n: number,
  p: number,
  q: number,
  scratch: Float64Array,
): number {
  const steps = productFrobeniusNormSteps(P, pOff, G, gOff, n, p, q, scratch, Infinity);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `productFrobeniusNorm` in steps of about `stepMacs` multiply-adds (rows of the Gram matrices, or of the explicit
 * product), yielding 0 between them: the same sums in the same order, so the same result.
 */
export function* productFrobeniusNormSteps(
  P: Float64Array,
  pOff: number,
  G: Float64Array,
  gOff: number,
  n: number,
  p: number,
  q: number,
  scratch: Float64Array,
  stepMacs: number,
): Generator<number, number, void> {
  if (n * (p + q) < p * q) {
    const nn = n * n;
    yield* gramUpper(n, p, P, pOff, scratch, 0, stepMacs);
    yield* gramUpper(n, q, G, gOff, scratch, nn, stepMacs);
    let s = 0;
    for (let b = 0; b < n; b++) {
      s += scratch[b * n + b] * scratch[nn + b * n + b];
      for (let c = b + 1; c < n; c++) s += 2 * scratch[b * n + c] * scratch[nn + b * n + c];
    }
    let bound = 0;
    for (let b = 0; b < n; b++) bound += Math.sqrt(scratch[b * n + b] * scratch[nn + b * n + b]);
    // Far from under/overflow and little cancellation: trust the identity. Otherwise (all-zero
    // gradients included) fall through to the explicit product, whose norm() rescales.
    const safe = bound > 1e-140 && bound < 1e140 && isFinite(s);
    if (safe && s * 1e4 >= bound * bound) return Math.sqrt(s);
  }
  // Rows of PᵀG in chunks (a multiple of 4: the kernel's blocks); each entry is the same sum over n in order.
  const rows = Math.max(4, 4 * Math.floor(stepMacs / (4 * Math.max(1, q * n))));
  for (let r0 = 0; r0 < p; r0 += rows) {
    const A = { data: P, off: pOff + r0, rs: 1, ks: p };
    gemm(Math.min(rows, p - r0), q, n, A, { data: G, off: gOff, rs: 1, ks: q }, scratch, r0 * q);
    if (r0 + rows < p) yield 0;
  }
  return norm(scratch, p * q);
}

/**
 * The upper triangle (and 4 × 4 diagonal blocks) of M·Mᵀ for row-major n × k M, into out as n × n; yields after
 * about `stepMacs` multiply-adds.
 */
function* gramUpper(
  n: number,
  k: number,
  M: Float64Array,
  mOff: number,
  out: Float64Array,
  outOff: number,
  stepMacs: number,
): Generator<number, void, void> {
  let work = 0;
  for (let r = 0; r < n; r += 4) {
    const rows = Math.min(4, n - r);
    const view = { data: M, off: mOff + r * k, rs: k, ks: 1 };
    gemm(rows, n - r, k, view, view, out, outOff + r * n + r, n);
    work += rows * (n - r) * k;
    if (work >= stepMacs && r + 4 < n) {
      work = 0;
      yield 0;
    }
  }
}

/** A d → width → 1 network's parameters as the engines take them: W1 is d × width, W2 width × 1, b2 length 1. */
export interface OneHiddenLayer {
  W1: readonly (readonly number[])[];
  b1: readonly number[];
  W2: readonly (readonly number[])[];
  b2: readonly number[];
}
