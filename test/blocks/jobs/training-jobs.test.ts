/**
 * The training demos as jobs: a session whose jobs cross structured clones and run in one-step slices (as in a
 * worker, or on the main thread in slices) ends with exactly the view of a session computing at once, bit for bit;
 * the batch of ```dead-relu seeds goes on in the background while the drawn seed's view stays live.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyBlockKind } from '../../../src/blocks/block-kind';
import { BlockSession } from '../../../src/blocks/block-session';
import { deadReluBlock } from '../../../src/blocks/dead-relu';
import { jobSteps } from '../../../src/blocks/jobs';
import type { RunJob } from '../../../src/blocks/jobs/job';
import { nonlinearityBlock } from '../../../src/blocks/nonlinearity';
import { zeroCenteredBlock } from '../../../src/blocks/zero-centered';
import { runToEnd } from '../../../src/core/engines/steps';
import { float64Bits } from '../../helpers/bits';
import { propertyRuns } from '../../helpers/property-runs';
import { fakeLoop, jobOf, listening, runCloned } from './fixtures';
import { env } from '../fixtures';

function open(kind: unknown, source: string): BlockSession {
  const s = BlockSession.open(kind as AnyBlockKind, source, env());
  if (!s.ok) throw new Error(JSON.stringify(s.problem));
  return s.value;
}

/** A runner as across a worker: jobs and results structured-cloned, a few steps per slice on a fake event loop. */
function harness() {
  let t = 0;
  const { clock, settle } = fakeLoop(() => t++); // a slice of 8 fake ms is about 8 steps
  const kinds: string[] = [];
  const run: RunJob = (job, onProgress) => {
    kinds.push(`${job.kind}${job.background ? ' (background)' : ''}`);
    return runCloned(job, clock, 8, onProgress);
  };
  const { listener } = listening();
  return { run, listener, settle, kinds };
}

/** Every number a view draws, as bits, with its texts. */
function drawn(session: BlockSession) {
  const v = session.view;
  const numbers = v.charts.flatMap((c) => [
    ...c.lines.flatMap((l) => [...l.x, ...l.y]),
    ...c.markers.flatMap((m) => [m.x, m.y]),
    ...(c.image ? [...c.image.p] : []),
  ]);
  return { bits: float64Bits(numbers), summary: v.summary, csv: v.csv(), titles: v.charts.map((c) => c.x.title) };
}

const SWISH = 'define:\n- swish(x) = x * sigmoid(1.5 * x)';

const sources = {
  'dead-relu': fc
    .record({
      acts: fc.constantFrom('ReLU', 'LeakyReLU, ELU', 'swish, ReLU'),
      lr: fc.constantFrom('0.01', '0.1, 0.5', '3'),
      width: fc.integer({ min: 1, max: 12 }),
      samples: fc.integer({ min: 2, max: 20 }),
      steps: fc.integer({ min: 1, max: 30 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .map((r) =>
      [
        `activations: ${r.acts}`,
        SWISH,
        `lr: ${r.lr}`,
        `width: ${r.width}`,
        `samples: ${r.samples}`,
        `steps: ${r.steps}`,
        `seed: ${r.seed}`,
      ].join('\n'),
    ),
  'zero-centered': fc
    .record({
      inputs: fc.constantFrom('Sigmoid, Tanh', 'swish', 'ReLU, Tanh, Sigmoid'),
      optimizer: fc.constantFrom('gd', 'sgd'),
      lr: fc.double({ min: 0.01, max: 3, noNaN: true }),
      steps: fc.integer({ min: 1, max: 300 }),
      samples: fc.integer({ min: 2, max: 200 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .map((r) =>
      [
        `inputs: ${r.inputs}`,
        SWISH,
        `optimizer: ${r.optimizer}`,
        `lr: ${r.lr}`,
        `steps: ${r.steps}`,
        `samples: ${r.samples}`,
        `seed: ${r.seed}`,
      ].join('\n'),
    ),
  nonlinearity: fc
    .record({
      acts: fc.constantFrom('Identity, ReLU', 'Tanh, GELU', 'Identity, Sigmoid, ReLU, ELU'),
      data: fc.constantFrom('xor', 'circles', 'moons', 'spiral'),
      width: fc.integer({ min: 1, max: 10 }),
      points: fc.integer({ min: 4, max: 60 }),
      steps: fc.integer({ min: 1, max: 80 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .map((r) =>
      [
        `activations: ${r.acts}`,
        `data: ${r.data}`,
        `width: ${r.width}`,
        `points: ${r.points}`,
        `steps: ${r.steps}`,
        `seed: ${r.seed}`,
      ].join('\n'),
    ),
};
const blocks = { 'dead-relu': deadReluBlock, 'zero-centered': zeroCenteredBlock, nonlinearity: nonlinearityBlock };

describe('training demos as jobs', () => {
  it.each(Object.keys(blocks) as (keyof typeof blocks)[])(
    '%s: through clones and slices, the final view equals the one computed at once, bit for bit',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(sources[name], async (source) => {
          const h = harness();
          const session = open(blocks[name], source);
          session.attach(h.run, h.listener);
          await h.settle();
          const sync = open(blocks[name], source);
          for (let more = sync.step(); more; more = sync.step()); // the background batch, at once
          expect(drawn(session)).toEqual(drawn(sync));
        }),
        { numRuns: propertyRuns(12) },
      );
    },
    60_000,
  );

  it('dead-relu: the drawn seed first, then the batch in the background while its view stays live', async () => {
    const h = harness();
    const session = open(deadReluBlock, 'activations: ReLU\nlr: 0.1\nsteps: 40\nwidth: 64\nsamples: 256');
    session.attach(h.run, h.listener);
    const placeholder = session.view;
    expect(placeholder.summary).toBe('');
    await h.settle();
    expect(h.kinds[0]).toBe('dead-relu');
    expect(h.kinds.slice(1).every((k) => k === 'dead-relu (background)')).toBe(true);
    expect(h.kinds.length).toBeGreaterThan(1);
    expect(session.view.summary).not.toBe('');
    // A learning-rate move supersedes the batch: the new drawn run first, then the batch again.
    session.control('lr0', 0.2);
    await h.settle();
    const sync = open(deadReluBlock, 'activations: ReLU\nlr: 0.2\nsteps: 40\nwidth: 64\nsamples: 256');
    for (let more = sync.step(); more; more = sync.step());
    expect(drawn(session)).toEqual(drawn(sync));
  });

  it('each engine runs on buffers of its own: two jobs stepped in turn give what each gives alone', () => {
    const pairs = [
      [deadReluBlock, `activations: ReLU, swish\n${SWISH}\nlr: 0.1, 0.01\nsteps: 50`, 'seed: 3\nwidth: 16'],
      [zeroCenteredBlock, 'optimizer: sgd\nsteps: 300', 'seed: 5\nlr: 0.3\nsteps: 200'],
      [nonlinearityBlock, 'data: moons', 'data: spiral\nwidth: 5'],
    ] as const;
    for (const [kind, a, b] of pairs) {
      const [ja, jb] = [jobOf(kind, a), jobOf(kind, b)];
      const [sa, sb] = [jobSteps(ja), jobSteps(jb)];
      let [ra, rb]: unknown[] = [undefined, undefined];
      let yields = 0;
      while (ra === undefined || rb === undefined) {
        if (ra === undefined) {
          const n = sa.next();
          if (n.done) ra = n.value;
          else yields++;
        }
        if (rb === undefined) {
          const n = sb.next();
          if (n.done) rb = n.value;
        }
      }
      expect(JSON.stringify(ra)).toBe(JSON.stringify(runToEnd(jobSteps(ja))));
      expect(JSON.stringify(rb)).toBe(JSON.stringify(runToEnd(jobSteps(jb))));
      expect(yields).toBeGreaterThan(3);
    }
  });
});
