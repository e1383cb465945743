/** Hardswish: x times Hardsigmoid(x). */
import type { ActivationSpec } from './types';

/**
 * Hardswish: f = x·min(max(x + 3, 0), 6)/6; f' = x/3 + 1/2 strictly inside (−3, 3).
 * At the corners we follow current PyTorch: f'(−3) = 0 and f'(3) = 1 (1.13–2.6 returned −0.5 and 1.5 or 1.0).
 */
export const hardswish: ActivationSpec = {
  name: 'Hardswish',
  aliases: ['hardswish', 'hard_swish'],
  params: [],
  family: 'smooth',
  kinks: () => [-3, 3],
  bind: () => ({
    // x·(clip/6) rather than torch's (x·clip)/6: same to an ulp, but no overflow to ∞ for x near 1e308.
    f: (x) => x * (Math.min(Math.max(x + 3, 0), 6) / 6),
    df: (x) => (x <= -3 ? 0 : x < 3 ? x / 3 + 0.5 : 1),
  }),
};
