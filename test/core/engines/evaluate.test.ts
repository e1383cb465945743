import { describe, expect, it } from 'vitest';
import { activationNames, bindActivation } from '../../../src/core/activations';
import { evaluateInto } from '../../../src/core/engines/evaluate';

const X = [NaN, -Infinity, -1e308, -800, -30, -3, -1, -1e-9, -0, 0, 1e-9, 0.5, 1, 3, 6, 30, 800, 1e308, Infinity];
const PARAMS: Record<string, Record<string, number>> = {
  Threshold: { threshold: 0.5, value: -1 },
  LeakyReLU: { negative_slope: 0.2 },
};

describe("evaluateInto: the engines' batch path gives exactly f and f′", () => {
  it.each(activationNames())('%s', (name) => {
    const r = bindActivation(name, PARAMS[name] ?? {});
    if (!r.ok) throw new Error(name);
    const act = r.value;
    const z = Float64Array.from([7, ...X]); // offset 1: the fast paths must honour offsets
    const f = new Float64Array(X.length + 2);
    const df = new Float64Array(X.length + 2);
    evaluateInto(act, z, 1, f, df, 2, X.length);
    X.forEach((x, i) => {
      expect(Object.is(f[i + 2], act.f(x)), `${name} f(${x}): ${f[i + 2]} vs ${act.f(x)}`).toBe(true);
      expect(Object.is(df[i + 2], act.df(x)), `${name} df(${x}): ${df[i + 2]} vs ${act.df(x)}`).toBe(true);
    });
  });

  it.each(activationNames())('%s writes exactly n values, nothing after them', (name) => {
    const r = bindActivation(name, PARAMS[name] ?? {});
    if (!r.ok) throw new Error(name);
    const z = Float64Array.from([1, 2, 3, 4]);
    const f = new Float64Array(6).fill(-7);
    const df = new Float64Array(6).fill(-7);
    evaluateInto(r.value, z, 1, f, df, 1, 2); // z[1], z[2] → out[1], out[2]
    expect([f[0], f[3], f[4], f[5], df[0], df[3], df[4], df[5]]).toEqual([-7, -7, -7, -7, -7, -7, -7, -7]);
    expect([f[1], f[2]]).toEqual([r.value.f(2), r.value.f(3)]);
  });

  it('uses a dedicated loop for the activations the demos train most', () => {
    for (const name of ['ReLU', 'LeakyReLU', 'PReLU', 'RReLU', 'Sigmoid', 'Tanh']) {
      const r = bindActivation(name);
      expect(r.ok && typeof r.value.evaluate).toBe('function');
    }
  });
});

describe('silentBelowZero: the promise training relies on to skip dead units', () => {
  it.each(activationNames())('%s keeps it if it makes it', (name) => {
    const r = bindActivation(name, PARAMS[name] ?? {});
    if (!r.ok) throw new Error(name);
    if (!r.value.silentBelowZero) return;
    for (const x of [-1e308, -800, -3, -1, -1e-9, -0, 0]) {
      expect(r.value.f(x)).toBe(0);
      expect(r.value.df(x)).toBe(0);
    }
  });

  it('is made by ReLU and ReLU6 only among the defaults', () => {
    const silent = activationNames().filter((n) => {
      const r = bindActivation(n, PARAMS[n] ?? {});
      return r.ok && r.value.silentBelowZero === true;
    });
    expect(silent).toEqual(['ReLU', 'ReLU6']);
  });
});
