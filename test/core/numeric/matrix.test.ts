/**
 * The engines' matrix helpers against plain definitions: shapes and their messages, the blocked product against a
 * triple loop summing in the same order (so equal to the bit), and ‖PᵀG‖_F against the explicit product, including
 * the cases where the Gram identity must not be trusted (cancellation, underflow, overflow).
 */
import { describe, expect, it } from 'vitest';
import {
  biasCount,
  flattenMatrix,
  flattenVector,
  gemm,
  matrixShape,
  norm,
  productFrobeniusNorm,
  productFrobeniusNormSteps,
  ShapeError,
  sumOfProducts,
  toRows,
} from '../../../src/core/numeric/matrix';

/** Deterministic values in (−1, 1), independent of the project's generators. */
function values(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** ‖PᵀG‖_F by definition: every entry Σ_b P[b,i]·G[b,j] in order of b, then the root of the sum of squares. */
function naiveNorm(P: Float64Array, G: Float64Array, n: number, p: number, q: number): number {
  let s = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < q; j++) {
      let e = 0;
      for (let b = 0; b < n; b++) e += P[b * p + i] * G[b * q + j];
      s += e * e;
    }
  }
  return Math.sqrt(s);
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('shapes', () => {
  it('flattens rows in order and names the first row that does not fit', () => {
    expect(
      Array.from(
        flattenMatrix(
          'eng',
          'W',
          [
            [1, 2, 3],
            [4, 5, 6],
          ],
          2,
          3,
        ),
      ),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => flattenMatrix('eng', 'W', [[1, 2, 3]], 2, 3)).toThrow(
      new ShapeError('eng', 'W must have 2 rows, got 1'),
    );
    expect(() =>
      flattenMatrix(
        'eng',
        'W',
        [
          [1, 2, 3],
          [4, 5],
        ],
        2,
        3,
      ),
    ).toThrow('eng: W[1] must have 3 entries, got 2');
    const notRows = 'abc' as unknown as number[][];
    expect(() => flattenMatrix('eng', 'W', notRows, 3, 1)).toThrow('eng: W must have 3 rows, got string');
    const notARow = [[1], 7] as unknown as number[][];
    expect(() => flattenMatrix('eng', 'W', notARow, 2, 1)).toThrow('eng: W[1] must have 1 entries, got number');
    const error = new ShapeError('eng', 'x');
    expect([error.name, error.message, error instanceof Error]).toEqual(['ShapeError', 'eng: x', true]);
  });

  it('checks a vector’s length', () => {
    expect(Array.from(flattenVector('eng', 'b', [0.5, -1], 2))).toEqual([0.5, -1]);
    expect(() => flattenVector('eng', 'b', [0.5], 2)).toThrow('eng: b must have 2 entries, got 1');
    expect(() => flattenVector('eng', 'b', null as unknown as number[], 2)).toThrow(
      'eng: b must have 2 entries, got object',
    );
  });

  it('reads the shape of a non-empty rectangular matrix, and refuses empty or ragged ones', () => {
    expect(
      matrixShape('eng', 'X', [
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toEqual([3, 2]);
    expect(matrixShape('eng', 'X', [[7]])).toEqual([1, 1]);
    const empty = 'eng: X must be a non-empty matrix (array of equal-length rows)';
    expect(() => matrixShape('eng', 'X', [])).toThrow(empty);
    expect(() => matrixShape('eng', 'X', [[]])).toThrow(empty);
    expect(() => matrixShape('eng', 'X', [1] as unknown as number[][])).toThrow(empty);
    // Data may come from JSON: an object with a row at key 0 is not a matrix.
    expect(() => matrixShape('eng', 'X', { 0: [1, 2] } as unknown as number[][])).toThrow(empty);
    expect(() => matrixShape('eng', 'X', [[1, 2], [3, 4], [5]])).toThrow(
      'eng: X[2] must have 2 entries like X[0], got 1',
    );
  });

  it('splits a flat array back into rows', () => {
    expect(toRows([1, 2, 3, 4, 5, 6], 3, 2)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(toRows(new Float64Array([1, 2, 3, 4, 5, 6]), 2, 3)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('counts weights and biases of layer widths', () => {
    // 2 → 3 → 4: 6 + 12 weights, 3 + 4 biases.
    expect([sumOfProducts([2, 3, 4]), biasCount([2, 3, 4])]).toEqual([18, 7]);
    expect([sumOfProducts([5]), biasCount([5])]).toEqual([0, 0]);
  });
});

describe('norm', () => {
  it('is the Euclidean norm of the first n entries, with no overflow or underflow on the way', () => {
    expect(norm([3, 4, 12], 2)).toBe(5);
    expect(norm([3, 4, 12], 3)).toBe(13);
    expect(norm([0, 0], 2)).toBe(0);
    // Squares of 3·2⁻⁶⁰⁰ and 4·2⁻⁶⁰⁰ underflow, of 3·2⁶⁰⁰ overflow; scaling by a power of two is exact.
    expect(norm([3 * 2 ** -600, 4 * 2 ** -600], 2)).toBe(5 * 2 ** -600);
    expect(norm([3 * 2 ** 600, -4 * 2 ** 600], 2)).toBe(5 * 2 ** 600);
    expect(norm([1, Infinity], 2)).toBe(Infinity);
    expect(norm([1, NaN], 2)).toBeNaN();
  });

  it('is √(Σ v²) summed in order, to the bit, whenever no square underflows or overflows', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const v = values(7, seed).map((x) => x * 10 ** (seed % 7));
      let sum = 0;
      for (const x of v) sum += x * x;
      expect(norm(v, v.length)).toBe(Math.sqrt(sum));
    }
  });
});

describe('gemm', () => {
  /** out[r·outRs + c] = Σ_k A(r,k)·B(c,k) by a triple loop, k in order (the order gemm promises). */
  function naive(
    R: number,
    C: number,
    K: number,
    a: Float64Array,
    ars: number,
    aks: number,
    b: Float64Array,
    bcs: number,
    bks: number,
  ) {
    const out: number[][] = [];
    for (let r = 0; r < R; r++) {
      out.push([]);
      for (let c = 0; c < C; c++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += a[r * ars + k * aks] * b[c * bcs + k * bks];
        out[r].push(s);
      }
    }
    return out;
  }

  it('equals a triple loop to the bit, for A·Bᵀ, A·B and Aᵀ·B at sizes in and off its 4 × 4 blocks', () => {
    for (const [R, C, K] of [
      [1, 1, 1],
      [4, 4, 3],
      [5, 7, 3],
      [8, 9, 6],
      [3, 2, 5],
      [9, 4, 1],
    ]) {
      const a = values(R * K, R * 100 + K);
      const b = values(C * K, C * 100 + K + 7);
      // A row-major R × K; B as C × K (A·Bᵀ), as K × C (A·B: B(c, k) at k·C + c), A as K × R (Aᵀ·B).
      const layouts: [number, number, number, number][] = [
        [K, 1, K, 1],
        [K, 1, 1, C],
        [1, R, 1, C],
      ];
      for (const [ars, aks, bcs, bks] of layouts) {
        const outRs = C + 2;
        // Four rows of room after the result, which must stay untouched too.
        const out = new Float64Array(3 + (R + 4) * outRs).fill(-99);
        gemm(R, C, K, { data: a, off: 0, rs: ars, ks: aks }, { data: b, off: 0, rs: bcs, ks: bks }, out, 3, outRs);
        const expected = naive(R, C, K, a, ars, aks, b, bcs, bks);
        for (let r = 0; r < R; r++) {
          expect(Array.from(out.subarray(3 + r * outRs, 3 + r * outRs + C))).toEqual(expected[r]);
          // The two entries between rows are left alone.
          expect(Array.from(out.subarray(3 + r * outRs + C, 3 + (r + 1) * outRs))).toEqual([-99, -99]);
        }
        expect(Array.from(out.subarray(0, 3))).toEqual([-99, -99, -99]);
        expect(out.subarray(3 + R * outRs).every((v) => v === -99)).toBe(true);
      }
    }
  });

  it('reads operands from their offsets and writes rows of C by default', () => {
    const a = new Float64Array([9, 9, 1, 2, 3, 4]); // A = [[1, 2], [3, 4]] from offset 2
    const b = new Float64Array([9, 5, 6, 7, 8]); // B rows (as Bᵀ): [5, 6], [7, 8] from offset 1
    const out = new Float64Array(4);
    gemm(2, 2, 2, { data: a, off: 2, rs: 2, ks: 1 }, { data: b, off: 1, rs: 2, ks: 1 }, out, 0);
    expect(Array.from(out)).toEqual([1 * 5 + 2 * 6, 1 * 7 + 2 * 8, 3 * 5 + 4 * 6, 3 * 7 + 4 * 8]);
  });
});

describe('‖PᵀG‖_F', () => {
  const run = (P: Float64Array, G: Float64Array, n: number, p: number, q: number) =>
    productFrobeniusNorm(P, 0, G, 0, n, p, q, new Float64Array(p * q));

  it('equals the explicit product’s norm: to the bit when it forms it, to rounding through the Gram identity', () => {
    for (const [n, p, q] of [
      [6, 3, 5], // n·(p + q) ≥ p·q: explicit
      [4, 4, 4], // 32 ≥ 16: explicit
      [2, 9, 11], // 40 < 99: Gram
      [3, 16, 8], // 72 < 128: Gram
      [1, 5, 5], // 10 < 25: Gram, one point
    ]) {
      const P = values(n * p, n + 10 * p);
      const G = values(n * q, n + 10 * q + 3);
      const truth = naiveNorm(P, G, n, p, q);
      if (n * (p + q) >= p * q) expect(run(P, G, n, p, q)).toBe(truth);
      else expect(relative(run(P, G, n, p, q), truth)).toBeLessThan(1e-14);
    }
  });

  /**
   * ‖PᵀG‖_F through the Gram identity written out: (PPᵀ)_bc and (GGᵀ)_bc summed over their columns in order, then
   * Σ_b (PPᵀ)_bb(GGᵀ)_bb + 2·Σ_{c > b} (PPᵀ)_bc(GGᵀ)_bc, row by row.
   */
  function gramNorm(P: Float64Array, G: Float64Array, n: number, p: number, q: number): number {
    const gram = (M: Float64Array, k: number, b: number, c: number) => {
      let e = 0;
      for (let i = 0; i < k; i++) e += M[b * k + i] * M[c * k + i];
      return e;
    };
    let s = 0;
    for (let b = 0; b < n; b++) {
      s += gram(P, p, b, b) * gram(G, q, b, b);
      for (let c = b + 1; c < n; c++) s += 2 * gram(P, p, b, c) * gram(G, q, b, c);
    }
    return Math.sqrt(s);
  }

  it('takes the Gram identity exactly where it is safe: far from under/overflow and without cancellation', () => {
    for (const [n, p, q, pScale, gScale] of [
      [2, 9, 11, 1, 1],
      [3, 16, 8, 1, 1],
      [1, 5, 5, 1, 1],
      [5, 24, 20, 1, 1],
      // Small gradients (s ≪ 1, judged against the bound, not against 1), and P and G at scales that cancel in
      // each product but not in each Gram matrix (the bound is Σ √((PPᵀ)_bb·(GGᵀ)_bb), of the products' size).
      [3, 16, 8, 2 ** -20, 2 ** -20],
      [3, 16, 8, 2 ** 240, 2 ** -240],
    ]) {
      expect(n * (p + q)).toBeLessThan(p * q);
      const P = values(n * p, n + 10 * p).map((x) => x * pScale);
      const G = values(n * q, n + 10 * q + 3).map((x) => x * gScale);
      expect(run(P, G, n, p, q)).toBe(gramNorm(P, G, n, p, q));
    }
  });

  it('forms the product, to the bit, where the Gram identity is not used', () => {
    for (const [n, p, q] of [
      [6, 3, 5],
      [4, 4, 4],
      [5, 2, 9],
      [3, 3, 3],
      [7, 5, 4],
    ]) {
      expect(n * (p + q)).toBeGreaterThanOrEqual(p * q);
      const P = values(n * p, 3 * n + p);
      const G = values(n * q, 3 * n + q + 1);
      expect(run(P, G, n, p, q)).toBe(naiveNorm(P, G, n, p, q));
    }
    // A size for the identity, but at 2^231 its bound is past 1e140 (its products near overflow), though the
    // explicit product's squares still sum without it.
    const [n, p, q] = [3, 16, 8];
    const P = values(n * p, 3).map((x) => x * 2 ** 231);
    const G = values(n * q, 103).map((x) => x * 2 ** 231);
    expect(run(P, G, n, p, q)).toBe(naiveNorm(P, G, n, p, q));
  });

  it('reads P and G from their offsets', () => {
    const [n, p, q] = [2, 6, 7];
    const P = values(n * p, 5);
    const G = values(n * q, 6);
    const shifted = (m: Float64Array, by: number) => {
      const out = new Float64Array(by + m.length).fill(1e3);
      out.set(m, by);
      return out;
    };
    const at = productFrobeniusNorm(shifted(P, 3), 3, shifted(G, 5), 5, n, p, q, new Float64Array(p * q));
    expect(relative(at, naiveNorm(P, G, n, p, q))).toBeLessThan(1e-14);
  });

  it('does not trust the Gram identity where it cancels: two points whose gradients almost annul each other', () => {
    // P's rows v, v and G's rows w, −w(1 + δ): PᵀG = v·(w + g₂)ᵀ, of norm ‖v‖·‖w + g₂‖ (w + g₂ is exact, Sterbenz).
    // The identity would subtract terms ~‖v‖²‖w‖² to leave one ~δ² times smaller, below their rounding.
    const [p, q, delta] = [12, 10, 1e-7];
    const v = values(p, 41);
    const w = values(q, 42);
    const g2 = w.map((x) => -x * (1 + delta));
    const P = new Float64Array([...v, ...v]);
    const G = new Float64Array([...w, ...g2]);
    const sum = w.map((x, j) => x + g2[j]);
    const truth = naiveNorm(new Float64Array(v), new Float64Array(sum), 1, p, q);
    expect(2 * (p + q)).toBeLessThan(p * q); // the size where the identity would be used
    expect(relative(run(P, G, 2, p, q), truth)).toBeLessThan(1e-6);
  });

  it('forms the product where the Gram entries would underflow or overflow (vanishing and exploding gradients)', () => {
    const [n, p, q] = [2, 9, 8];
    const P = values(n * p, 7);
    const G = values(n * q, 8);
    const truth = naiveNorm(P, G, n, p, q);
    for (const e of [-350, 350]) {
      // Scaling both by 2^e scales the norm by 2^(2e) exactly; the Gram products would be ~2^(4e).
      const scaled = run(
        P.map((x) => x * 2 ** e),
        G.map((x) => x * 2 ** e),
        n,
        p,
        q,
      );
      expect(relative(scaled, truth * 2 ** (2 * e))).toBeLessThan(1e-14);
    }
    expect(run(new Float64Array(n * p), G, n, p, q)).toBe(0);
  });

  it('in steps: the same value, yielding between chunks of about the given work', () => {
    for (const [n, p, q, stepMacs, yields] of [
      // Explicit: chunks of rows of PᵀG, a multiple of 4 (4·q·n = 72 multiply-adds a row here), a yield between.
      [6, 10, 3, 36, 2], // 4 rows a chunk (the least): 3 chunks
      [6, 16, 3, 144, 1], // 8 rows a chunk: 2 chunks
      // Gram: blocks of 4 rows of each n × n Gram matrix (for n = 9, work 4·9·40, 4·5·40, 1·1·40); a yield once
      // a block brings the work since the last one to stepMacs, except after a matrix's last block.
      [2, 20, 20, 1, 0], // one block per matrix
      [9, 40, 40, 1, 4], // after the first two blocks of each
      [9, 40, 40, 2000, 2], // 1 440 < 2 000, then 2 240: after the second block of each
      [9, 40, 40, 3000, 0], // 1 440, 2 240, 2 280: the threshold is never reached before a matrix's last block
      [9, 40, 40, 1e9, 0],
      // n = 8: blocks of work 4·8·40 = 1 280 and 4·4·40 = 640; the second is each matrix's last.
      [8, 40, 40, 1, 2],
      [8, 40, 40, 1280, 2], // exactly the step's work: a yield
      [8, 40, 40, 1281, 0],
    ]) {
      const P = values(n * p, p);
      const G = values(n * q, q + 1);
      const steps = productFrobeniusNormSteps(P, 0, G, 0, n, p, q, new Float64Array(p * q), stepMacs);
      let count = 0;
      let next = steps.next();
      for (; !next.done; next = steps.next()) {
        expect(next.value).toBe(0);
        count++;
      }
      expect(next.value).toBe(run(P, G, n, p, q));
      expect(count).toBe(yields);
    }
  });
});
