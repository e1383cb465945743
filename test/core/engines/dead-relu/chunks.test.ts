/**
 * Finer steps for the generic passes (an activation without the fused line passes, e.g. Tanh or a note's own
 * function): a training step yields after every chunk of units, so a main-thread slice never waits for a whole step
 * at the largest sizes; and the chunked run gives exactly the bits of a plain, unchunked loop written out below.
 */
import { describe, expect, it } from 'vitest';
import { deadRelu, deadReluSteps } from '../../../../src/core/engines/dead-relu/dead-relu';
import { deadReluData } from '../../../../src/core/engines/dead-relu/data';
import type { Elementwise } from '../../../../src/core/engines/evaluate';
import { float64Bits } from '../../../helpers/bits';

const tanh: Elementwise = { f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2 };

/** The same training as one plain loop per pass (no chunks, no flat buffers): loss after each step. */
function plainLosses(data: ReturnType<typeof deadReluData>, lr: number, steps: number): number[] {
  const { X, t } = data;
  const W1 = data.W1.map((r) => [...r]);
  const b1 = [...data.b1];
  const W2 = data.W2.map((r) => r[0]);
  let b2 = data.b2[0];
  const n = X.length;
  const losses: number[] = [];
  for (let s = 0; s <= steps; s++) {
    const Z = X.map(([x0, x1]) => b1.map((b, j) => x0 * W1[0][j] + x1 * W1[1][j] + b));
    const H = Z.map((row) => row.map(tanh.f));
    const D = Z.map((row) => row.map(tanh.df));
    const r = H.map((row, i) => row.reduce((y, h, j) => y + h * W2[j], 0) + b2 - t[i]);
    losses.push(r.reduce((l, e) => l + e * e, 0) / n);
    if (s === steps) break;
    const dy = r.map((e) => (2 * e) / n);
    const gb2 = dy.reduce((a, v) => a + v, 0);
    const g = b1.map((_, j) => {
      let [sW2, sb1, s0, s1] = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) {
        sW2 += H[i][j] * dy[i];
        const dz = dy[i] * W2[j] * D[i][j];
        sb1 += dz;
        s0 += X[i][0] * dz;
        s1 += X[i][1] * dz;
      }
      return { sW2, sb1, s0, s1 };
    });
    g.forEach(({ sW2, sb1, s0, s1 }, j) => {
      W1[0][j] -= lr * s0;
      W1[1][j] -= lr * s1;
      b1[j] -= lr * sb1;
      W2[j] -= lr * sW2;
    });
    b2 -= lr * gb2;
  }
  return losses;
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
    expect(float64Bits(run.loss)).toEqual(float64Bits(plainLosses(data, 0.1, 4)));
  });
});
