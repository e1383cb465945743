/**
 * Finer steps for the generic passes (an activation without the fused line passes, e.g. Tanh or a note's own
 * function): a training step yields after every chunk of units, so a main-thread slice never waits for a whole step
 * at the largest sizes; and the chunked run gives exactly the bits of a plain, unchunked loop written out below.
 */
import { describe, expect, it } from 'vitest';
import { bindActivation } from '../../../../src/core/activations';
import { deadRelu, deadReluSteps } from '../../../../src/core/engines/dead-relu/dead-relu';
import { deadReluData } from '../../../../src/core/engines/dead-relu/data';
import type { Elementwise } from '../../../../src/core/engines/evaluate';
import { float64Bits } from '../../../helpers/bits';
import { progressOf } from '../../../helpers/progress';

const tanh: Elementwise = { f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2 };
/** A registry activation (with its fused slope and flags, which three inputs must not use). */
function registered(name: string, params = {}): Elementwise {
  const r = bindActivation(name, params);
  if (!r.ok) throw new Error(`${name} is in the registry`);
  return r.value;
}

/** What the plain loop records per step, as DeadReluRun does. */
interface PlainRun {
  loss: number[];
  dead: number[];
  deadGradNorm: number[];
}

/**
 * The same training as one plain loop per pass (no chunks, no flat buffers, any number of inputs): loss, dead units
 * (no sample with z > 0) and the norm of the dead units' gradient after each step.
 */
function plainRun(data: ReturnType<typeof deadReluData>, act: Elementwise, lr: number, steps: number): PlainRun {
  const { X, t } = data;
  const W1 = data.W1.map((r) => [...r]);
  const b1 = [...data.b1];
  const W2 = data.W2.map((r) => r[0]);
  let b2 = data.b2[0];
  const n = X.length;
  const d = X[0].length;
  const out: PlainRun = { loss: [], dead: [], deadGradNorm: [] };
  for (let s = 0; s <= steps; s++) {
    const Z = X.map((x) =>
      b1.map((b, j) => {
        let z = 0;
        for (let k = 0; k < d; k++) z += x[k] * W1[k][j];
        return z + b;
      }),
    );
    const H = Z.map((row) => row.map((z) => act.f(z)));
    const D = Z.map((row) => row.map((z) => act.df(z)));
    const r = H.map((row, i) => row.reduce((y, h, j) => y + h * W2[j], 0) + b2 - t[i]);
    out.loss.push(r.reduce((l, e) => l + e * e, 0) / n);
    const dy = r.map((e) => (2 * e) / n);
    const gb2 = dy.reduce((a, v) => a + v, 0);
    const g = b1.map((_, j) => {
      let [sW2, sb1] = [0, 0];
      const sW1 = new Array<number>(d).fill(0);
      for (let i = 0; i < n; i++) {
        sW2 += H[i][j] * dy[i];
        const dz = dy[i] * W2[j] * D[i][j];
        sb1 += dz;
        for (let k = 0; k < d; k++) sW1[k] += X[i][k] * dz;
      }
      return { sW2, sb1, sW1, dead: Z.every((row) => !(row[j] > 0)) };
    });
    const dead = g.filter((u) => u.dead);
    out.dead.push(dead.length);
    let sq = 0;
    for (const u of dead) {
      sq += u.sb1 * u.sb1 + u.sW2 * u.sW2;
      for (const w of u.sW1) sq += w * w;
    }
    out.deadGradNorm.push(Math.sqrt(sq));
    if (s === steps) break;
    g.forEach(({ sW2, sb1, sW1 }, j) => {
      for (let k = 0; k < d; k++) W1[k][j] -= lr * sW1[k];
      b1[j] -= lr * sb1;
      W2[j] -= lr * sW2;
    });
    b2 -= lr * gb2;
  }
  return out;
}

/** `data` with a third input column (a fixed pattern in [−1, 1]) and a row of input weights for it. */
function withThirdInput(data: ReturnType<typeof deadReluData>): ReturnType<typeof deadReluData> {
  const third = (i: number) => ((i * 7) % 11) / 5 - 1;
  return {
    ...data,
    X: data.X.map((x, i) => [...x, third(i)]),
    W1: [...data.W1, data.W1[0].map((w, j) => (j % 2 ? 0.5 : -0.5) * w)],
  };
}

describe('dead-relu generic passes in chunks', () => {
  it('1024 samples × 256 units: each pass of a training step yields 15 times inside (16 chunks of 16,384 units)', () => {
    const data = deadReluData(3, { n: 1024, width: 256 });
    const steps = deadReluSteps({ ...data, activation: tanh, lr: 0.05, steps: 2 });
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBe(3 * 2 * 15 + 2); // 3 passes forward and back (steps + 1), 2 updates
  });

  it('300 samples × 100 units (two chunks each way): the same bits as the plain loop', () => {
    const data = deadReluData(5, { n: 300, width: 100 });
    const run = deadRelu({ ...data, activation: tanh, lr: 0.1, steps: 4 });
    expect(float64Bits(run.loss)).toEqual(float64Bits(plainRun(data, tanh, 0.1, 4).loss));
  });

  it('reports the share of the whole run done after each chunk: a step is 1/(steps + 1), half forward, half back', () => {
    // 300 samples × 64 units: forward chunks of 256 samples (16,384 / 64), backward chunks of 54 units
    // (16,384 / 300), so each pass yields once inside; with steps = 1 there are two steps, each half of the run.
    const data = deadReluData(5, { n: 300, width: 64 });
    const values = progressOf(deadReluSteps({ ...data, activation: tanh, lr: 0.1, steps: 1 }));
    const expected = [
      (0.5 * (256 / 300)) / 2, // step 0: 256 of 300 samples forward
      (0.5 + 0.5 * (54 / 64)) / 2, // step 0: forward done, 54 of 64 units back
      1 / 2, // step 0 done and applied
      (1 + 0.5 * (256 / 300)) / 2,
      (1.5 + 0.5 * (54 / 64)) / 2, // the last step's gradient is measured, never applied: no yield after it
    ];
    expect(values).toHaveLength(expected.length);
    values.forEach((v, i) => expect(v, `yield ${i}`).toBeCloseTo(expected[i], 14));
  });

  // lr 0.3 kills units on the way: ReLU's get no gradient (skipped, f = f′ = 0 below 0), LeakyReLU's still do.
  it.each([
    ['Tanh', tanh, false],
    ['ReLU', registered('ReLU'), true],
    ['LeakyReLU', registered('LeakyReLU', { negative_slope: 0.1 }), true],
  ])(
    '%s with three inputs, none of them zero: loss, dead units and their gradient as the plain loop finds them',
    (_name, act, dies) => {
      const data = withThirdInput(deadReluData(9, { n: 40, width: 12 }));
      const run = deadRelu({ ...data, activation: act, lr: 0.3, steps: 12 });
      const plain = plainRun(data, act, 0.3, 12);
      expect(float64Bits(run.loss)).toEqual(float64Bits(plain.loss));
      expect(run.dead).toEqual(plain.dead);
      expect(Math.max(...plain.dead) > 0, 'some unit dies on the way').toBe(dies);
      expect(float64Bits(run.deadGradNorm)).toEqual(float64Bits(plain.deadGradNorm));
    },
  );
});
