/** The 2 → H → 1 classifier: PyTorch's reference runs (Identity, ReLU, Tanh on XOR), and the identity net's linearity. */
import { describe, expect, it } from 'vitest';
import { bindActivation } from '../../../src/core/activations';
import {
  classifierProbabilities,
  IDENTITY,
  trainClassifier,
  trainClassifierSteps,
} from '../../../src/core/engines/classifier';
import type { Elementwise } from '../../../src/core/engines/evaluate';
import { progressOf } from '../../helpers/progress';
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

/** A net whose logit is `b2` at every point: one hidden unit with zero weights, no activation. */
const constantNet = (b2: number) => ({
  activation: IDENTITY,
  width: 1,
  W1: new Float64Array([0, 0]),
  b1: new Float64Array([0]),
  W2: new Float64Array([0]),
  b2,
});

describe('boundaries', () => {
  it('σ of the logit without overflow at either end: 1 at 800, e^−745 (the least double) at −745, ½ at 0', () => {
    const out = new Float64Array(3);
    for (const [k, logit] of [800, -745, 0].entries()) {
      const one = new Float64Array(1);
      classifierProbabilities(constantNet(logit), new Float64Array([0.3, -0.2]), one);
      out[k] = one[0];
    }
    // σ(l) = 1/(1 + e^−l): at 800 it is 1 − e^−800, 1 in doubles; at −745, e^−745/(1 + e^−745) ≈ e^−745 = 5e−324.
    expect(Array.from(out)).toEqual([1, Math.exp(-745), 0.5]);
    expect(Math.exp(-745)).toBeGreaterThan(0);
  });

  it('a logit of exactly 0 predicts class 0 (torch: logit > 0 is class 1)', () => {
    const X = [
      [1, 2],
      [3, 4],
    ];
    const base = { activation: IDENTITY, X, W1: [[0], [0]], b1: [0], W2: [[0]], b2: [0], lr: 0.1, steps: 0 };
    expect(trainClassifier({ ...base, y: [0, 0] }).accuracy).toEqual([1]);
    expect(trainClassifier({ ...base, y: [0, 1] }).accuracy).toEqual([0.5]);
    expect(trainClassifier({ ...base, y: [1, 1] }).accuracy).toEqual([0]);
    // BCEWithLogits at logit 0 is log 2 whatever the label.
    expect(trainClassifier({ ...base, y: [0, 1] }).loss[0]).toBeCloseTo(Math.LN2, 15);
  });

  it('steps = 0 measures the initial network only', () => {
    const file = classifierFile();
    const run = trainClassifier({ ...file, activation: IDENTITY, lr: 0.5, steps: 0 });
    expect(run.loss).toHaveLength(1);
    expect(run.W1).toEqual(file.W1);
  });

  it('yields the share of the run done after each update: s/(steps + 1), none after the last measure', () => {
    const file = classifierFile();
    const steps = trainClassifierSteps({ ...file, activation: IDENTITY, lr: 0.5, steps: 3 });
    expect(progressOf(steps)).toEqual([1 / 4, 2 / 4, 3 / 4]);
  });
});

describe('shape and argument validation', () => {
  const file = classifierFile();
  const base = { ...file, activation: IDENTITY, lr: 0.5, steps: 3 };
  it.each([
    ['X not a matrix', { X: [] }, 'classifier: X must be a non-empty matrix'],
    [
      'X with three columns',
      { X: file.X.map((p) => [...p, 0]) },
      'classifier: X must hold points in the plane (2 columns), got 3',
    ],
    ['W1 not a matrix', { W1: [] }, 'classifier: W1 must be a non-empty matrix'],
    ['W1 with three rows', { W1: [...file.W1, file.W1[0]] }, 'classifier: W1 must have 2 rows, got 3'],
    ['y too short', { y: file.y.slice(1) }, `classifier: y must have ${file.n} entries`],
    ['b1 too long', { b1: [...file.b1, 0] }, `classifier: b1 must have ${file.b1.length} entries`],
    ['W2 one column too many', { W2: file.W2.map((r) => [...r, 0]) }, 'classifier: W2[0] must have 1 entries'],
    ['b2 empty', { b2: [] }, 'classifier: b2 must have 1 entries'],
    ['negative steps', { steps: -1 }, 'classifier: steps must be a non-negative integer, got -1'],
    ['fractional steps', { steps: 1.5 }, 'classifier: steps must be a non-negative integer, got 1.5'],
    ['lr not finite', { lr: Infinity }, 'classifier: lr must be a finite number, got Infinity'],
  ])('%s', (_label, change, message) => {
    expect(() => trainClassifier({ ...base, ...change })).toThrow(message);
  });
});
