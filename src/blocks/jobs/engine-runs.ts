/**
 * One run of each training demo as plain data (an activation as a ref, seeds and sizes; the data are drawn
 * again from the seed wherever the run is resolved) and its steps, so a worker trains exactly what the block
 * would have trained on the main thread.
 */
import { IDENTITY, trainClassifierSteps } from '../../core/engines/classifier';
import { classifierData, type Dataset } from '../../core/engines/classifier-data';
import { deadReluData } from '../../core/engines/dead-relu/data';
import { deadReluSteps, type DeadReluRun } from '../../core/engines/dead-relu/dead-relu';
import type { Steps } from '../../core/engines/steps';
import { resolveActivationRef, type ActivationRef } from './activation-ref';

/** One Dead ReLU run: an activation at a learning rate, on the data and weights drawn from `seed`. */
export interface DeadReluRunInput {
  activation: ActivationRef;
  seed: number;
  samples: number;
  width: number;
  lr: number;
  steps: number;
}

/** The steps of one Dead ReLU run. */
export function deadReluRunSteps(r: DeadReluRunInput): Steps<DeadReluRun> {
  const a = resolveActivationRef(r.activation);
  const data = deadReluData(r.seed, { n: r.samples, width: r.width });
  return deadReluSteps({ activation: a.spec.bind(a.params), ...data, lr: r.lr, steps: r.steps });
}

/** One classifier run: an activation (null: none, the identity) on the data set and network drawn from `seed`. */
export interface ClassifierRunInput {
  activation: ActivationRef | null;
  seed: number;
  data: Dataset;
  points: number;
  width: number;
  lr: number;
  steps: number;
}

/** Loss and accuracy per step, and the parameters after every step: W1, b1, W2, b2 per step in one array. */
export interface ClassifierRunResult {
  loss: number[];
  accuracy: number[];
  saved: Float64Array;
}

/** The steps of one classifier run, saving the parameters after every step so a slider replays without retraining. */
export function* classifierRunSteps(r: ClassifierRunInput): Steps<ClassifierRunResult> {
  const w = r.width;
  const size = 4 * w + 1;
  const a = r.activation && resolveActivationRef(r.activation);
  const saved = new Float64Array(size * (r.steps + 1));
  const data = classifierData(r.seed, r.data, r.points, w);
  const input = { ...data, activation: a ? a.spec.bind(a.params) : IDENTITY, lr: r.lr, steps: r.steps };
  const run = yield* trainClassifierSteps(input, (step, n) => {
    const at = step * size;
    saved.set(n.W1, at);
    saved.set(n.b1, at + 2 * w);
    saved.set(n.W2, at + 3 * w);
    saved[at + 4 * w] = n.b2;
  });
  return { loss: run.loss, accuracy: run.accuracy, saved };
}
