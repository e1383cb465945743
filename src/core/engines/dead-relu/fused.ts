/**
 * Fused passes of the Dead ReLU net (dead-relu.ts) for activations that are lines through 0: f(z) = z for z > 0 and
 * a·z for z ≤ 0, with a = `negativeSlope` (ReLU, LeakyReLU, PReLU, RReLU), at the demo's d = 2. They compute z
 * in registers instead of going through `evaluate` and stored arrays, and give the generic passes' numbers exactly:
 * every sum has the same terms, added in the same order.
 */

/** The net at one step, flat: X (n × d) and W1 (d × width) row-major; gW1, gb1, gW2 receive ∂loss/∂W1, b1, W2. */
export interface HiddenLayer {
  n: number;
  d: number;
  width: number;
  X: Float64Array;
  W1: Float64Array;
  b1: Float64Array;
  W2: Float64Array;
  gW1: Float64Array;
  gb1: Float64Array;
  gW2: Float64Array;
}

/**
 * Lists in `units` the units a pass visits and returns how many: all of them, except that with a = 0 the units
 * that are not alive are left out, as they pass nothing forward and get no gradient.
 */
function unitsToVisit(a: number, alive: Uint8Array, units: Int32Array): number {
  let m = 0;
  for (let j = 0; j < alive.length; j++) if (a !== 0 || alive[j]) units[m++] = j;
  return m;
}

/** The parameters a pair of units reads: W1's two rows, b1 and W2, of unit p then of unit q. */
function pairLoads({ width, W1, b1, W2 }: HiddenLayer, p: number, q: number): number[] {
  return [W1[p], W1[width + p], b1[p], W2[p], W1[q], W1[width + q], b1[q], W2[q]];
}

/**
 * Writes y = f(X·W1 + b1)·W2 (without b2) and alive[j] = 1 when some z[i][j] > 0. y[i] gathers h·W2[j] unit after
 * unit, in the order of the row-wise sum. Units go in pairs, which share the loads of X and y: per unit, V8's
 * checks on each typed-array access cost more than the arithmetic. `alive` comes in with the last step's verdicts:
 * with a = 0, a unit dead then got exactly zero gradient, so it is still dead (and would add ±0 to y); it is skipped.
 */
export function forwardLine(net: HiddenLayer, a: number, units: Int32Array, y: Float64Array, alive: Uint8Array): void {
  const { n, X } = net;
  const relu = a === 0; // ReLU(z ≤ 0) is 0, even at z = −∞ where 0·z is NaN
  const m = unitsToVisit(a, alive, units);
  y.fill(0);
  for (let k = 0; k < m; k += 2) {
    const p = units[k];
    const q = units[Math.min(k + 1, m - 1)]; // an odd last unit pairs with itself, the copy weighted 0
    const [p0, p1, pb, pw, q0, q1, qb, qLoaded] = pairLoads(net, p, q);
    const qw = k + 1 < m ? qLoaded : 0;
    let pPositive = 0;
    let qPositive = 0;
    for (let i = 0; i < n; i++) {
      const x0 = X[2 * i];
      const x1 = X[2 * i + 1];
      const zp = x0 * p0 + x1 * p1 + pb; // Σ_k X[i][k]·W1[k][j], then + b1[j], as in the generic pass
      const zq = x0 * q0 + x1 * q1 + qb;
      // A branch measured faster here than branch-free forms (a table of slopes indexed by z > 0).
      let hp = relu ? 0 : zp * a;
      if (zp > 0) {
        hp = zp;
        pPositive++;
      }
      let hq = relu ? 0 : zq * a;
      if (zq > 0) {
        hq = zq;
        qPositive++;
      }
      y[i] = y[i] + hp * pw + hq * qw;
    }
    alive[p] = pPositive > 0 ? 1 : 0;
    alive[q] = qPositive > 0 ? 1 : 0;
  }
}

/**
 * Gradients from dy = ∂loss/∂y after `forwardLine`, in pairs of units. z is recomputed (the same expression at
 * the same parameters), which is cheaper than storing it and loading it back.
 */
export function backwardLine(
  net: HiddenLayer,
  a: number,
  units: Int32Array,
  dy: Float64Array,
  alive: Uint8Array,
): void {
  const { n, width, X, gW1, gb1, gW2 } = net;
  const relu = a === 0; // as in forwardLine
  const m = unitsToVisit(a, alive, units);
  gW1.fill(0); // what the units left out get
  gb1.fill(0);
  gW2.fill(0);
  for (let k = 0; k < m; k += 2) {
    const p = units[k];
    const q = units[Math.min(k + 1, m - 1)]; // an odd last unit pairs with itself
    const [p0, p1, pb, pw, q0, q1, qb, qw] = pairLoads(net, p, q);
    // The four gradient sums of each unit, kept in registers until the pair is done.
    let [pW2, pb1, pW10, pW11] = [0, 0, 0, 0];
    let [qW2, qb1, qW10, qW11] = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const x0 = X[2 * i];
      const x1 = X[2 * i + 1];
      const ri = dy[i];
      const zp = x0 * p0 + x1 * p1 + pb;
      const zq = x0 * q0 + x1 * q1 + qb;
      const rp = ri * pw;
      const rq = ri * qw;
      // h = f(z) and ∂loss/∂z = ri·w2·f′(z), f′ multiplied last as in the generic pass (·1 is exact).
      let hp = relu ? 0 : zp * a;
      let dp = rp * a;
      if (zp > 0) {
        hp = zp;
        dp = rp;
      }
      let hq = relu ? 0 : zq * a;
      let dq = rq * a;
      if (zq > 0) {
        hq = zq;
        dq = rq;
      }
      pW2 += hp * ri;
      pb1 += dp;
      pW10 += x0 * dp;
      pW11 += x1 * dp;
      qW2 += hq * ri;
      qb1 += dq;
      qW10 += x0 * dq;
      qW11 += x1 * dq;
    }
    gW1[p] = pW10;
    gW1[width + p] = pW11;
    gb1[p] = pb1;
    gW2[p] = pW2;
    gW1[q] = qW10;
    gW1[width + q] = qW11;
    gb1[q] = qb1;
    gW2[q] = qW2;
  }
}
