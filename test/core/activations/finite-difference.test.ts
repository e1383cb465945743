/** df against central differences of f, away from kinks and jumps, for defaults and non-default parameters. */
import { describe, expect, it } from 'vitest';
import { activationSpecs, bindActivation, resolveParams } from '../../../src/core/activations';
import type { ActivationSpec, Params } from '../../../src/core/activations';

const EXTRA: Record<string, Params[]> = {
  ELU: [{ alpha: 0.5 }, { alpha: 2.5 }],
  CELU: [{ alpha: 0.3 }, { alpha: 2 }, { alpha: -1 }],
  Hardshrink: [{ lambd: 1.3 }, { lambd: 0 }],
  Softshrink: [{ lambd: 0 }, { lambd: 2 }],
  Hardtanh: [{ min_val: -0.5, max_val: 2.5 }],
  LeakyReLU: [{ negative_slope: 0.3 }],
  PReLU: [{ init: -0.2 }],
  RReLU: [{ lower: 0.2, upper: 0.8 }],
  Softplus: [
    { beta: 3, threshold: 7 },
    { beta: 0.2, threshold: 1 },
    { beta: 1, threshold: 100 },
  ],
  GELU: [{ approximate: 'tanh' }],
  Threshold: [
    { threshold: -1, value: 2 },
    { threshold: 0.1, value: 20 },
  ],
};

/** Default parameters (when torch has them) plus a few others. */
function paramSets(spec: ActivationSpec): Params[] {
  const hasDefaults = spec.params.every((p) => p.default !== undefined);
  return [...(hasDefaults ? [{}] : []), ...(EXTRA[spec.name] ?? [])];
}

const XS: number[] = [];
for (let x = -9.83; x < 10; x += 0.173) XS.push(x);
XS.push(-25, -15.5, 12.5, 25, 1e-3, -1e-3);

describe.each(activationSpecs().map((s) => [s.name, s] as const))(
  '%s: df matches central differences',
  (_name, spec) => {
    it.each(paramSets(spec).map((p) => [JSON.stringify(p), p] as const))('params %s', (_label, given) => {
      const act = bindActivation(spec.name, given);
      const params = resolveParams(spec, given);
      if (!act.ok || !params.ok) throw new Error('cannot bind');
      const { value } = act;
      const f = (x: number) => value.f(x);
      const df = (x: number) => value.df(x);
      const avoid = [...spec.kinks(params.value), ...(spec.jumps?.(params.value) ?? [])];
      const bad: string[] = [];
      let checked = 0;
      for (const x of XS) {
        const h = 1e-5 * Math.max(1, Math.abs(x));
        if (avoid.some((k) => Math.abs(x - k) < 100 * h)) continue;
        const fd = (f(x + h) - f(x - h)) / (2 * h);
        const d = df(x);
        checked++;
        // truncation ~h²·f'''/6 plus rounding ~1e-16·|f|/h: 1e-8 absolute covers both on this range
        if (Math.abs(fd - d) > 1e-8 * Math.max(1, Math.abs(f(x))) + 1e-6 * Math.abs(d))
          bad.push(`x=${x}: df ${d}, fd ${fd}`);
      }
      expect(checked).toBeGreaterThan(100);
      expect(bad).toEqual([]);
    });
  },
);
