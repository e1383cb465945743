/** The 2 → H → 1 classifier: PyTorch's reference runs (Identity, ReLU, Tanh on XOR), and the identity net's linearity. */
import { describe, expect, it } from 'vitest';
import { bindActivation } from '../../../src/core/activations';
import { classifierProbabilities, IDENTITY, trainClassifier } from '../../../src/core/engines/classifier';
import type { Elementwise } from '../../../src/core/engines/evaluate';
import { closeTo } from '../../helpers/reference';
import { classifierFile } from '../../helpers/reference-cases';

/** The reference's tolerance: 1e-8 relative, 1e-12 absolute near 0. */
const close = (a: number, b: number): boolean => closeTo(a, b, 1e-12, 1e-8);

function activation(name: string): Elementwise {
  if (name === 'Identity') return IDENTITY;
  const bound = bindActivation(name, {});
  if (!bound.ok) throw new Error(`cannot bind ${name}`);
  return bound.value;
}

describe('classifier.json', () => {
  const file = classifierFile();
  it('holds Identity, ReLU and Tanh on the same XOR points', () => {
    expect(file.cases.map((c) => c.activation)).toEqual(['Identity', 'ReLU', 'Tanh']);
    expect(file.X).toHaveLength(file.n);
  });
  it.each(file.cases.map((c) => [c.activation, c] as const))(
    '%s: loss, accuracy and final parameters per step',
    (_name, c) => {
      const run = trainClassifier({ ...file, activation: activation(c.activation), lr: c.lr, steps: c.steps });
      expect(run.accuracy).toEqual(c.accuracy);
      const bad: string[] = [];
      c.loss.forEach((ref, s) => {
        if (!close(run.loss[s], ref)) bad.push(`loss[${s}] ${run.loss[s]} vs ${ref}`);
      });
      const pairs: [string, number[], number[]][] = [
        ['W1', run.W1.flat(), c.final.W1.flat()],
        ['b1', run.b1, c.final.b1],
        ['W2', run.W2.flat(), c.final.W2.flat()],
        ['b2', run.b2, c.final.b2],
      ];
      for (const [name, ours, ref] of pairs)
        ref.forEach((r, k) => {
          if (!close(ours[k], r)) bad.push(`${name}[${k}] ${ours[k]} vs ${r}`);
        });
      expect(run.loss).toHaveLength(c.steps + 1);
      expect(bad).toEqual([]);
    },
  );
  it('does not modify its inputs', () => {
    const before = JSON.stringify([file.W1, file.b1, file.W2, file.b2]);
    trainClassifier({ ...file, activation: activation('Tanh'), lr: 0.5, steps: 5 });
    expect(JSON.stringify([file.W1, file.b1, file.W2, file.b2])).toBe(before);
  });
});

describe('without an activation the network is one linear map', () => {
  it('its probabilities equal σ(x·(W1·W2) + b1·W2 + b2), computed as a product of the final matrices', () => {
    const file = classifierFile();
    const run = trainClassifier({ ...file, activation: IDENTITY, lr: 0.5, steps: 150 });
    const w = [0, 1].map((r) => run.W1[r].reduce((s, v, j) => s + v * run.W2[j][0], 0));
    const c = run.b1.reduce((s, v, j) => s + v * run.W2[j][0], run.b2[0]);
    const points = new Float64Array([-2, 1.5, 0.3, -0.7, 1, 1, -1, 1]);
    const p = new Float64Array(4);
    classifierProbabilities(run.net, points, p);
    for (let k = 0; k < 4; k++) {
      const logit = points[2 * k] * w[0] + points[2 * k + 1] * w[1] + c;
      expect(p[k]).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
    }
  });
});
