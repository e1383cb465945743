/**
 * The expression language (a note's own activation functions): parse + compile of a typical definition,
 * f and f′ over a chart's 400 samples, and a slider update of an ```activation block drawing one.
 * The pure parts run in batches (one call is below the timer's 5 µs step); each sample is a batch mean.
 */
import { DefinitionBlock, definitionSpecs, parseDefinition } from '../../src/core/expression';
import { collectGarbage } from '../probe';
import { blockSliders } from './block-sliders';
import { record, type Samples } from './timing';

/** The definition timed: swish with a β, as the README and the picker's template write it. */
export const TYPICAL = 'swish(x; beta=1.5 in [0, 5]) = x * sigmoid(beta * x)';

/** Mean ms of one call of `fn`, over `batch` calls. */
function batchMean(batch: number, fn: (i: number) => unknown): number {
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < batch; i++) sink += fn(i) ? 1 : 0;
  const ms = (performance.now() - t0) / batch;
  if (sink < 0) throw new Error('unreachable');
  return ms;
}

/** `reps` samples of each figure, then `reps` slider moves of a block drawing the definition. */
export async function expressions(stage: HTMLElement, reps: number): Promise<Samples> {
  const samples: Samples = {};
  const compile = (i: number) => {
    const def = parseDefinition(TYPICAL);
    return new DefinitionBlock([def]).compileDefinition(def, new Map([['beta', 1 + (i % 7) / 10]]));
  };
  const spec = (
    definitionSpecs([parseDefinition(TYPICAL)]) as {
      ok: true;
      value: {
        specs: { bind: (p: Record<string, number>) => { f: (x: number) => number; df: (x: number) => number } }[];
      };
    }
  ).value.specs[0];
  const { f, df } = spec.bind({ beta: 1.5 });
  const xs = Array.from({ length: 400 }, (_, i) => -6 + (12 * i) / 399);
  const sweep = () => {
    let s = 0;
    for (const x of xs) s += f(x) + df(x);
    return s;
  };
  for (let w = 0; w < 200; w++) {
    compile(w);
    sweep();
  } // warm-up: the JIT sees both paths first
  for (let r = 0; r < reps; r++) {
    collectGarbage();
    record(samples, 'expr:compile', batchMean(200, compile));
    record(
      samples,
      'expr:spec',
      batchMean(50, () => definitionSpecs([parseDefinition(TYPICAL)])),
    );
    record(samples, 'expr:sweep', batchMean(200, sweep));
  }
  const sliders = await blockSliders(stage, reps, {
    exprSlider: { language: 'activation', body: `functions: ${TYPICAL}\n` },
  });
  Object.assign(samples, sliders.samples);
  return samples;
}
