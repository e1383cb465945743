/**
 * Contour lines of a linear neuron's loss, exactly. loss(w) = mean((x_i·w − t_i)²) = wᵀAw − 2gᵀw + c
 * with A = xᵀx/n, g = xᵀt/n, c = mean(t²). With w_c = A⁻¹g this is (w − w_c)ᵀA(w − w_c) + loss(w_c)
 * (for t = x·w*, w_c = w* and loss(w_c) = 0), so every level set is an ellipse: with A = λ₁v₁v₁ᵀ + λ₂v₂v₂ᵀ,
 * w(φ) = w_c + √(r/λ₁)·cos φ·v₁ + √(r/λ₂)·sin φ·v₂ has (w − w_c)ᵀA(w − w_c) = r for every φ.
 * The Hessian of the loss is 2A.
 */

/** The loss as a quadratic form with its principal axes. */
export interface QuadraticLoss {
  /** A = xᵀx/n as [a, b, d] for [[a, b], [b, d]]. */
  A: [number, number, number];
  /** Eigenvalues of A, λ₁ ≥ λ₂, and unit eigenvectors v₁, v₂. */
  lambda: [number, number];
  axes: [[number, number], [number, number]];
  /** The minimiser w_c = A⁻¹g and the loss there; undefined when A is (numerically) singular. */
  center?: [number, number];
  minimum: number;
}

/** Relative size below which the smaller eigenvalue counts as zero (contours would be parallel lines). */
const SINGULAR = 1e-12;

/** The quadratic form of loss(w) = mean((x_i·w − t_i)²) for n × 2 inputs x. */
export function quadraticLoss(x: readonly (readonly number[])[], t: readonly number[]): QuadraticLoss {
  const n = x.length;
  let a = 0,
    b = 0,
    d = 0,
    g0 = 0,
    g1 = 0,
    c = 0;
  for (let i = 0; i < n; i++) {
    const [x0, x1] = x[i];
    a += x0 * x0;
    b += x0 * x1;
    d += x1 * x1;
    g0 += x0 * t[i];
    g1 += x1 * t[i];
    c += t[i] * t[i];
  }
  [a, b, d, g0, g1, c] = [a / n, b / n, d / n, g0 / n, g1 / n, c / n];
  // Jacobi rotation angle: v₁ = (cos θ, sin θ) diagonalises [[a, b], [b, d]]; λ as Rayleigh quotients.
  const theta = 0.5 * Math.atan2(2 * b, a - d);
  const v1: [number, number] = [Math.cos(theta), Math.sin(theta)];
  const v2: [number, number] = [-v1[1], v1[0]];
  const rayleigh = (v: readonly number[]) => a * v[0] * v[0] + 2 * b * v[0] * v[1] + d * v[1] * v[1];
  const [l1, l2] = [rayleigh(v1), rayleigh(v2)];
  const swap = l2 > l1;
  const lambda: [number, number] = swap ? [l2, l1] : [l1, l2];
  const axes: [[number, number], [number, number]] = swap ? [v2, v1] : [v1, v2];
  const base = { A: [a, b, d] as [number, number, number], lambda, axes };
  if (!(lambda[0] > 0) || !(lambda[1] > SINGULAR * lambda[0])) return { ...base, minimum: NaN };
  // w_c = Σ_k (v_kᵀg / λ_k)·v_k.
  const k1 = (axes[0][0] * g0 + axes[0][1] * g1) / lambda[0];
  const k2 = (axes[1][0] * g0 + axes[1][1] * g1) / lambda[1];
  const center: [number, number] = [k1 * axes[0][0] + k2 * axes[1][0], k1 * axes[0][1] + k2 * axes[1][1]];
  const minimum = Math.max(
    0,
    a * center[0] ** 2 + 2 * b * center[0] * center[1] + d * center[1] ** 2 - 2 * (g0 * center[0] + g1 * center[1]) + c,
  );
  return { ...base, center, minimum };
}

/** loss(w) from the quadratic form (equal to the mean over samples up to rounding). */
export function lossAt(q: QuadraticLoss, w: readonly [number, number]): number {
  if (!q.center) return NaN;
  const [a, b, d] = q.A;
  const u = w[0] - q.center[0];
  const v = w[1] - q.center[1];
  return a * u * u + 2 * b * u * v + d * v * v + q.minimum;
}

/**
 * The closed contour loss(w) = level as `points` + 1 vertices (the last repeats the first), or
 * undefined when the level is below the minimum or the form is singular.
 */
export function contourEllipse(q: QuadraticLoss, level: number, points = 96): { x: number[]; y: number[] } | undefined {
  const r = level - q.minimum;
  if (!q.center || !(r >= 0) || !isFinite(r)) return undefined;
  const [[v1x, v1y], [v2x, v2y]] = q.axes;
  const s1 = Math.sqrt(r / q.lambda[0]);
  const s2 = Math.sqrt(r / q.lambda[1]);
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k <= points; k++) {
    const phi = (2 * Math.PI * (k % points)) / points;
    const c = s1 * Math.cos(phi);
    const s = s2 * Math.sin(phi);
    x.push(q.center[0] + c * v1x + s * v2x);
    y.push(q.center[1] + c * v1y + s * v2y);
  }
  return { x, y };
}
