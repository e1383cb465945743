/** Jobs as blocks make them (the ```gradient-flow block's among them), for the job tests. */
import type { AnyBlockKind } from '../../../src/blocks/block-kind';
import { float64Bits } from '../../helpers/bits';
import { gradientFlowBlock } from '../../../src/blocks/gradient-flow';
import { jobSteps } from '../../../src/blocks/jobs';
import type { Job, JobHandle } from '../../../src/blocks/jobs/job';
import { runInSlices, type SliceClock } from '../../../src/blocks/jobs/slices';
import type { GradientFlowJob, GradientFlowResult } from '../../../src/blocks/jobs/gradient-flow-job';
import { env, parseOk } from '../fixtures';

/** The job a block of `kind` starts for `source` (a block that starts none fails the test). */
export function jobOf(kind: unknown, source: string): Job {
  const k = kind as AnyBlockKind;
  const job = k.job?.(k.init(parseOk(k, source), env()));
  if (!job) throw new Error(`${k.language}: no job for ${JSON.stringify(source)}`);
  return job;
}

/** The job of a block with Sigmoid, Tanh, a note's own function and ReLU at these sizes (`more`: further keys). */
export function gradientFlowJob(sizes: { depth: number; width: number; batch: number }, more = ''): GradientFlowJob {
  const source = [
    'activations: Sigmoid, Tanh, swish, ReLU',
    'define:',
    '- swish(x; beta=1.5) = x * sig(beta * x)',
    '- sig(x) = 1 / (1 + exp(-x))',
    `depth: ${sizes.depth}`,
    `width: ${sizes.width}`,
    `batch: ${sizes.batch}`,
    'init: auto',
    more,
  ].join('\n');
  return jobOf(gradientFlowBlock, source) as GradientFlowJob;
}

/** Bits, except that every NaN reads as one: V8 does not keep a NaN's sign between interpreted and compiled code. */
const bits = (values: ArrayLike<number>) => float64Bits(Array.from(values, (v) => (Number.isNaN(v) ? NaN : v)));

/** Every number of a job's result as bits: the flows, and the histogram counts when there are any. */
export const resultBits = (result: unknown) => {
  const { flows, counts } = result as GradientFlowResult;
  return {
    flows: flows.map((g) => bits([g.loss, ...g.gradWNorm, ...g.gradBNorm, ...g.gradHMeanAbs])),
    counts: counts?.map((c) => ({
      layers: c.z.map((e) => e.layer),
      values: bits([...c.saturated, ...c.meanDf, c.weightGain, ...c.z.flatMap((e) => [...e.values])]),
    })),
  };
};

/** A fake event loop for the sliced runner: `later` queues a slice, `settle` runs the queue until it is empty. */
export function fakeLoop(now: () => number) {
  const queue: (() => void)[] = [];
  const clock: SliceClock = {
    now,
    later: (fn) => {
      queue.push(fn);
      return () => queue.splice(queue.indexOf(fn), 1);
    },
  };
  const settle = async () => {
    while (queue.length) {
      queue.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { queue, clock, settle };
}

/** Runs `job` in slices of `sliceMs` on `clock`, job and result structured-cloned as across a worker. */
export function runCloned(job: Job, clock: SliceClock, sliceMs: number, onProgress: (f: number) => void): JobHandle {
  const handle = runInSlices(jobSteps(structuredClone(job)), clock, sliceMs, onProgress);
  return { result: handle.result.then((r) => structuredClone(r)), cancel: () => handle.cancel() };
}

/** A session listener that counts redraws and records progress; a failed job fails the test. */
export function listening() {
  const heard = { changed: 0, progress: [] as ({ fraction: number; bar: boolean } | null)[] };
  const listener = {
    changed: () => heard.changed++,
    progress: (p: { fraction: number; bar: boolean } | null) => heard.progress.push(p),
    failed: (e: unknown) => {
      throw e;
    },
  };
  return { heard, listener };
}
