/**
 * PyTorch's weight initialisations for a fan_in × fan_out matrix (gain 1, kaiming with
 * nonlinearity='relu' and mode='fan_in'), drawn from the project's seeded stream.
 */
import type { ActivationFamily } from '../activations/types';
import type { Random } from '../numeric/random';

/** The initialisations the demos offer, by torch.nn.init name without the trailing underscore. */
export type InitName = 'xavier_uniform' | 'xavier_normal' | 'he_uniform' | 'he_normal';

/** Every initialisation name, in the order the UI lists them. */
export const INIT_NAMES: readonly InitName[] = ['xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal'];

/** True when `name` is one of INIT_NAMES. */
export function isInitName(name: string): name is InitName {
  return (INIT_NAMES as readonly string[]).includes(name);
}

/** How one initialisation draws: U(−bound, bound) or N(0, std²). */
export type InitScale = { kind: 'uniform'; bound: number } | { kind: 'normal'; std: number };

/** The distribution torch uses for `init` on a fan_in × fan_out weight. */
export function initScale(fanIn: number, fanOut: number, init: InitName): InitScale {
  switch (init) {
    case 'xavier_uniform':
      return { kind: 'uniform', bound: Math.sqrt(6 / (fanIn + fanOut)) };
    case 'xavier_normal':
      return { kind: 'normal', std: Math.sqrt(2 / (fanIn + fanOut)) };
    case 'he_uniform':
      // kaiming_uniform_: gain √2, bound = gain·√(3/fan_in).
      return { kind: 'uniform', bound: Math.SQRT2 * Math.sqrt(3 / fanIn) };
    case 'he_normal':
      return { kind: 'normal', std: Math.SQRT2 / Math.sqrt(fanIn) };
  }
}

/**
 * Default initialisation for an activation family.
 * - saturating (Sigmoid, Tanh, Softsign, Hardtanh, …): Xavier, which keeps variance for
 *   functions that are ≈ linear with slope ≤ 1 around 0; He would push them into saturation.
 * - relu, leaky (ReLU, ReLU6, LeakyReLU, PReLU, RReLU, ELU, SELU, CELU, …) and smooth
 *   (GELU, SiLU, Mish, Softplus): He, because these pass roughly half of a zero-mean input's
 *   energy, the case He's factor 2 was derived for.
 * - shrink (Hardshrink, Softshrink, Tanhshrink): Xavier; they are identity-like for large |x|
 *   (torch's calculate_gain gives 1) and He's larger weights only grow the activations.
 * Uniform for Xavier and normal for He, as the gradflow reference cases do.
 */
export function defaultInitFor(family: ActivationFamily): InitName {
  switch (family) {
    case 'relu':
    case 'leaky':
    case 'smooth':
      return 'he_normal';
    case 'saturating':
    case 'shrink':
      return 'xavier_uniform';
  }
}

/** Fills out[offset .. offset + fanIn·fanOut) with a row-major fan_in × fan_out draw (W[i][j] at i·fanOut + j). */
export function initWeightsInto(
  rng: Random,
  fanIn: number,
  fanOut: number,
  init: InitName,
  out: Float64Array,
  offset = 0,
): void {
  const scale = initScale(fanIn, fanOut, init);
  const end = offset + fanIn * fanOut;
  if (scale.kind === 'uniform') rng.fillUniform(out, offset, end, -scale.bound, scale.bound);
  else rng.fillNormal(out, offset, end, 0, scale.std);
}

/** A fresh row-major fan_in × fan_out weight matrix drawn with `init`. */
export function initWeights(rng: Random, fanIn: number, fanOut: number, init: InitName): Float64Array {
  const out = new Float64Array(fanIn * fanOut);
  initWeightsInto(rng, fanIn, fanOut, init, out);
  return out;
}
