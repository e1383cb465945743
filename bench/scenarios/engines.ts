/**
 * The pure engines behind the demos, timed alone (no DOM): gradient flow and the Dead ReLU
 * and zero-centred demos, each recomputed at its defaults. Many runs, median and p90.
 */
import { findActivation, resolveParams } from '../../src/core/activations';
import { gradientFlowData } from '../../src/core/engines/gradient-flow/data';
import { gradientFlowDemo } from '../../src/core/engines/gradient-flow/demo';
import { gradientFlowFlat } from '../../src/core/engines/gradient-flow/network';
import type { Elementwise } from '../../src/core/engines/evaluate';
import { BLOCK_KINDS } from '../../src/blocks';
import type { BlockEnv } from '../../src/blocks/block-kind';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
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

/** Gradient flow at depth 50 × width 64 × batch 16, and the Dead ReLU and zero-centred demos at their defaults. */
export function engines(runs: number): Samples {
  const samples: Samples = {};
  const sigmoid = activation('Sigmoid');
  const relu = activation('ReLU');
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
    timeRuns(
      samples,
      'gfWithDraw:sigmoid',
      25,
      (i) => gradientFlowDemo({ activation: sigmoid, family: sigmoid.family, ...shape, seed: 1000 + 25 * r + i }),
      0,
    );
  }
  collectGarbage();
  // Each demo block at its defaults, exactly as a note shows it: parse → init → view (data, every run,
  // summaries). The ```dead-relu default is 2 activations × 2 learning rates × 60 steps.
  for (const [key, language] of [
    ['deadRelu:demo', 'dead-relu'],
    ['zigzag:demo', 'zero-centered'],
  ] as const) {
    const kind = BLOCK_KINDS.find((k) => k.language === language);
    if (!kind) continue;
    const env: BlockEnv = { settings: { ...DEFAULT_SETTINGS }, lang: 'en' };
    collectGarbage();
    timeRuns(samples, key, runs, () => {
      const options = kind.parse('', env);
      if (!options.ok) throw new Error(`bench: ${language} defaults do not parse`);
      return kind.view(kind.init(options.value, env), env);
    });
  }
  return samples;
}
