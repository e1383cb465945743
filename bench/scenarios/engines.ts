/**
 * The pure engines behind the demos, timed alone (no DOM): gradient flow (issue 4) and the Dead ReLU
 * and zero-centred demos (issue 8), each recomputed at its defaults. Many runs, median and p90.
 */
import { findActivation, resolveParams } from '../../src/core/activations';
import { deadRelu } from '../../src/core/dead-relu';
import { deadReluData, gradientFlowData, zigzagData } from '../../src/core/demo-data';
import { gradientFlowDemo, gradientFlowFlat, type Elementwise } from '../../src/core/network';
import { zigzag } from '../../src/core/zigzag';
import { collectGarbage } from '../probe';
import { record, type Samples } from './timing';

/** f and f′ of a registry activation with torch's default parameters, bound the way the blocks bind them. */
function activation(name: string): Elementwise & { family: ReturnType<typeof spec>['family'] } {
  const s = spec(name);
  const params = resolveParams(s, {});
  if (!params.ok) throw new Error(`bench: ${name} needs parameters`);
  return { ...s.bind(params.value), family: s.family };
}

function spec(name: string) {
  const found = findActivation(name);
  if (!found.ok) throw new Error(`bench: unknown activation ${name}`);
  return found.value;
}

/** Times `fn` `runs` times after `warm` untimed runs, recording each run under `key`. */
function timeRuns(samples: Samples, key: string, runs: number, fn: (i: number) => unknown, warm = 20): void {
  let sink = 0;
  for (let i = 0; i < warm; i++) sink += fn(i) ? 1 : 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += fn(i) ? 1 : 0;
    record(samples, key, performance.now() - t0);
  }
  if (sink < 0) throw new Error('unreachable');
}

/** Gradient flow at depth 50 × width 64 × batch 16, and both demos of issue 8 at their defaults. */
export function engines(runs: number): Samples {
  const samples: Samples = {};
  const sigmoid = activation('Sigmoid');
  const relu = activation('ReLU');
  const leaky = activation('LeakyReLU');
  const tanh = activation('Tanh');
  const shape = { depth: 50, width: 64, batch: 16 };
  const net = gradientFlowData(1, { ...shape, init: 'xavier_uniform' });
  const heNet = gradientFlowData(1, { ...shape, init: 'he_uniform' });
  // Rounds of 25 runs each, alternating; a GC between blocks keeps one block's garbage out of the next.
  const rounds = Math.max(1, Math.round(runs / 25));
  for (let r = 0; r < rounds; r++) {
    collectGarbage();
    timeRuns(samples, 'gfForwardBackward:sigmoid', 25, () => gradientFlowFlat(sigmoid, net), r === 0 ? 20 : 2);
    collectGarbage();
    timeRuns(samples, 'gfForwardBackward:relu', 25, () => gradientFlowFlat(relu, heNet), r === 0 ? 20 : 2);
    collectGarbage();
    timeRuns(samples, 'gfWithDraw:sigmoid', 25, (i) => gradientFlowDemo({ activation: sigmoid, family: sigmoid.family, ...shape, seed: 1000 + 25 * r + i }), 0);
  }
  collectGarbage();
  timeRuns(samples, 'deadRelu:demo', runs, (i) => {
    const data = deadReluData(1 + (i % 8), { n: 64, width: 32 });
    return [relu, leaky].map((a) => deadRelu({ activation: a, ...data, lr: 0.15, steps: 60 }));
  });
  collectGarbage();
  timeRuns(samples, 'zigzag:demo', runs, (i) => [sigmoid, tanh].map((inputs) => {
    const data = zigzagData(1 + (i % 8), { n: 32, inputs, w_star: [2, -1] });
    return zigzag({ x: data.x, t: data.t, w0: [-1.5, 0], lr: 1.8, steps: 40 });
  }));
  return samples;
}
