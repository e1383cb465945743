/**
 * The stepwise engine: runs paused between layers and interleaved with each other (two blocks computing in
 * slices) give exactly, bit for bit, what each run gives alone; progress rises to 1.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bindActivation, type Activation } from '../../../../src/core/activations';
import {
  gradientFlowFlat,
  gradientFlowSteps,
  type GradientFlow,
} from '../../../../src/core/engines/gradient-flow/network';
import { gradientFlowData, gradientFlowDataSteps } from '../../../../src/core/engines/gradient-flow/data';
import { INIT_NAMES } from '../../../../src/core/engines/init';
import { runToEnd, type Steps } from '../../../../src/core/engines/steps';
import { float64Bits } from '../../../helpers/bits';

function act(name: string): Activation {
  const r = bindActivation(name, {});
  if (!r.ok) throw new Error(name);
  return r.value;
}

const bits = (g: GradientFlow) => [g.loss, ...g.gradWNorm, ...g.gradBNorm, ...g.gradHMeanAbs];

/** Advances the runs in the order `order` names them (then each to its end); their results. */
function interleave<T>(runs: Steps<T>[], order: number[]): T[] {
  const out: (T | undefined)[] = runs.map(() => undefined);
  const step = (i: number) => {
    if (out[i] !== undefined) return;
    const next = runs[i].next();
    if (next.done) out[i] = next.value;
  };
  for (const i of order) step(i % runs.length);
  runs.forEach((_, i) => {
    while (out[i] === undefined) step(i);
  });
  return out as T[];
}

const shape = fc.record({
  depth: fc.integer({ min: 1, max: 12 }),
  width: fc.integer({ min: 1, max: 24 }),
  batch: fc.integer({ min: 1, max: 12 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  init: fc.constantFrom(...INIT_NAMES),
  activation: fc.constantFrom('Sigmoid', 'Tanh', 'ReLU', 'GELU', 'ELU'),
});

describe('gradientFlowSteps', () => {
  it('interleaved runs equal each run alone, bit for bit (random shapes, seeds, inits)', () => {
    fc.assert(
      fc.property(shape, shape, fc.array(fc.nat(3), { maxLength: 60 }), (a, b, order) => {
        const netA = gradientFlowData(a.seed, a);
        const netB = gradientFlowData(b.seed, b);
        const alone = [gradientFlowFlat(act(a.activation), netA), gradientFlowFlat(act(b.activation), netB)];
        const mixed = interleave(
          [gradientFlowSteps(act(a.activation), netA), gradientFlowSteps(act(b.activation), netB)],
          order,
        );
        expect(mixed.map((g) => float64Bits(bits(g)))).toEqual(alone.map((g) => float64Bits(bits(g))));
      }),
      { numRuns: 150 },
    );
  });

  it('with gain and observe: interleaved runs see and give what each run alone does, bit for bit', () => {
    const gain = fc.double({ min: 0.25, max: 4, noNaN: true });
    fc.assert(
      fc.property(shape, shape, gain, gain, fc.array(fc.nat(3), { maxLength: 60 }), (a, b, ga, gb, order) => {
        const netA = gradientFlowData(a.seed, a);
        const netB = gradientFlowData(b.seed, b);
        // What observe saw, per run: each layer's z and f′(z), copied as they pass.
        const seen = (into: string[]) => ({
          observe: (l: number, z: Float64Array, df: Float64Array, off: number, n: number) =>
            into.push(`${l}:${float64Bits(z.slice(0, n))}:${float64Bits(df.slice(off, off + n))}`),
        });
        const alone: string[][] = [[], []];
        const flowsAlone = [
          gradientFlowFlat(act(a.activation), netA, { gain: ga, ...seen(alone[0]) }),
          gradientFlowFlat(act(b.activation), netB, { gain: gb, ...seen(alone[1]) }),
        ];
        const mixed: string[][] = [[], []];
        const flowsMixed = interleave(
          [
            gradientFlowSteps(act(a.activation), netA, { gain: ga, ...seen(mixed[0]) }),
            gradientFlowSteps(act(b.activation), netB, { gain: gb, ...seen(mixed[1]) }),
          ],
          order,
        );
        expect(flowsMixed.map((g) => float64Bits(bits(g)))).toEqual(flowsAlone.map((g) => float64Bits(bits(g))));
        expect(mixed).toEqual(alone);
        expect(alone.map((o) => o.length)).toEqual([a.depth, b.depth]);
      }),
      { numRuns: 100 },
    );
  });

  it('a run abandoned halfway leaves the next run unchanged', () => {
    const net = gradientFlowData(3, { depth: 8, width: 16, batch: 4, init: 'he_normal' });
    const before = float64Bits(bits(gradientFlowFlat(act('Tanh'), net)));
    const other = gradientFlowData(4, { depth: 5, width: 30, batch: 9, init: 'xavier_uniform' });
    const abandoned = gradientFlowSteps(act('ReLU'), other);
    abandoned.next();
    abandoned.next();
    expect(float64Bits(bits(gradientFlowFlat(act('Tanh'), net)))).toBe(before);
    abandoned.return(undefined as never);
    expect(float64Bits(bits(gradientFlowFlat(act('Tanh'), net)))).toBe(before);
  });

  it('yields after every layer forward and backward, progress rising to just below 1', () => {
    const net = gradientFlowData(1, { depth: 6, width: 4, batch: 2, init: 'he_normal' });
    const steps = gradientFlowSteps(act('Sigmoid'), net);
    const seen: number[] = [];
    for (let r = steps.next(); !r.done; r = steps.next()) seen.push(r.value);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((k) => k / 12));
  });

  it('yields inside a layer run in chunks at the fraction of its rows done', () => {
    // Width 256, batch 128, depth 2 (4 halves of progress, each 1/4). Forward: 256² products per row, so 16 rows
    // per step (STEP_MACS = 2²⁰): 8 chunks, yields at (l − 1 + k/8)/4 for k = 1..7, then l/4. ‖∂loss/∂W_l‖: batch
    // 128 ≥ 256/2 takes the explicit 256 × 256 product over 128, in 32 rows a step: 7 yields, all at the layer's
    // mark (4 − l + 1/2)/4. Backward through W_2: 8 chunks again, (2 + k/8)/4, then 3/4; nothing after layer 1's norm.
    const net = gradientFlowData(3, { depth: 2, width: 256, batch: 128, init: 'he_normal' });
    const seen: number[] = [];
    const steps = gradientFlowSteps(act('Tanh'), net);
    for (let r = steps.next(); !r.done; r = steps.next()) seen.push(r.value);
    const chunks = (l: number) => [1, 2, 3, 4, 5, 6, 7].map((k) => (l + k / 8) / 4);
    const mark = (v: number) => new Array<number>(7).fill(v);
    expect(seen).toEqual([
      ...chunks(0),
      1 / 4,
      ...chunks(1),
      2 / 4,
      ...mark(2.5 / 4),
      ...chunks(2),
      3 / 4,
      ...mark(3.5 / 4),
    ]);
  });

  it('yields once per layer when a layer fits in one step', () => {
    // Width 8, batch 8: 64 products per row, far below STEP_MACS, so no chunk yields (and none for the norms).
    const net = gradientFlowData(3, { depth: 1, width: 8, batch: 8, init: 'he_normal' });
    const seen: number[] = [];
    const steps = gradientFlowSteps(act('Tanh'), net);
    for (let r = steps.next(); !r.done; r = steps.next()) seen.push(r.value);
    expect(seen).toEqual([1 / 2]);
  });

  it('checks shapes before the first step', () => {
    const net = gradientFlowData(1, { depth: 2, width: 3, batch: 2, init: 'he_normal' });
    expect(() => gradientFlowSteps(act('ReLU'), { ...net, batch: 5 })).toThrow(/inputs hold 6 numbers/);
  });
});

describe('gradientFlowDataSteps', () => {
  it('draws the same network as gradientFlowData, yielding once per layer', () => {
    const s = { depth: 7, width: 9, batch: 5, init: 'xavier_normal' as const };
    const steps = gradientFlowDataSteps(42, s);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    const fresh = gradientFlowData(42, s);
    expect(yields).toBe(7);
    expect(float64Bits(r.value.weights)).toBe(float64Bits(fresh.weights));
    expect(float64Bits(r.value.biases)).toBe(float64Bits(fresh.biases));
    expect(float64Bits(r.value.inputs)).toBe(float64Bits(fresh.inputs));
    expect(runToEnd(gradientFlowDataSteps(42, s)).widths).toEqual(fresh.widths);
  });

  it('names itself when refusing a size, before the first step', () => {
    expect(() => gradientFlowDataSteps(1, { depth: 0, width: 3, batch: 2, init: 'he_normal' })).toThrow(
      'gradientFlowData: depth must be a positive integer, got 0',
    );
  });
});
