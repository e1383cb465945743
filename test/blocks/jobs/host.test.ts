/**
 * The worker's protocol, on a fake port: jobs and results are plain data (structured clones of themselves), a job's
 * result equals the direct run bit for bit, a cancelled job never answers, a broken one says why.
 */
import { describe, expect, it } from 'vitest';
import { serveJobs, type FromWorker, type ToWorker } from '../../../src/blocks/jobs/host';
import { jobSteps } from '../../../src/blocks/jobs';
import { PROGRESS_MS } from '../../../src/blocks/jobs/job';
import type { SliceClock } from '../../../src/blocks/jobs/slices';
import { runToEnd } from '../../../src/core/engines/steps';
import { gradientFlowJob, jobOf, resultBits as flat } from './fixtures';
import { float64Bits } from '../../helpers/bits';
import { deadReluBlock } from '../../../src/blocks/dead-relu';
import { nonlinearityBlock } from '../../../src/blocks/nonlinearity';
import type { ClassifierRunResult } from '../../../src/blocks/jobs/engine-runs';

function fakeWorker() {
  const sent: FromWorker[] = [];
  /** Each message as the worker posted it (its own objects), with the buffers it moved. */
  const posted: { message: FromWorker; transfer: ArrayBuffer[] }[] = [];
  let listener: (event: { data: ToWorker }) => void = () => undefined;
  const queue: (() => void)[] = [];
  let t = 0;
  const clock: SliceClock = {
    now: () => (t += 100), // every step ends its slice
    later: (fn) => {
      queue.push(fn);
      return () => queue.splice(queue.indexOf(fn), 1);
    },
  };
  // Messages cross as structured clones, as between threads; transferred buffers move (the sender's become empty).
  serveJobs(
    {
      postMessage: (m, transfer = []) => {
        posted.push({ message: m, transfer });
        sent.push(structuredClone(m, { transfer }));
      },
      addEventListener: (_type, fn) => (listener = fn),
    },
    clock,
  );
  const post = (m: ToWorker) => listener({ data: structuredClone(m) });
  const drain = async () => {
    while (queue.length) {
      queue.shift()?.();
      await Promise.resolve();
    }
    await new Promise((r) => setTimeout(r, 0));
  };
  return { sent, posted, post, drain, queue };
}

describe('serveJobs', () => {
  // Histograms and a gain: the counts travel back as plain data too.
  const job = gradientFlowJob({ depth: 12, width: 10, batch: 4 }, 'view: histograms\ngain: 2.5');

  it('says ready, reports progress, and answers with the direct run’s values, bit for bit', async () => {
    const w = fakeWorker();
    expect(w.sent).toEqual([{ type: 'ready' }]);
    w.post({ type: 'run', id: 7, job: { ...job, expectedMs: PROGRESS_MS + 1 } });
    await w.drain();
    const done = w.sent.find((m) => m.type === 'done');
    expect(done?.type === 'done' && done.id).toBe(7);
    const result = (done as { result: unknown }).result;
    expect(flat(result)).toEqual(flat(runToEnd(jobSteps(job))));
    expect(flat(result).counts?.map((c) => c.layers)).toEqual(Array(4).fill([1, 4, 7, 9, 12]));
    const fractions = w.sent.flatMap((m) => (m.type === 'progress' ? [m.fraction] : []));
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('a job too short for a progress bar reports no progress, only its result', async () => {
    const w = fakeWorker();
    w.post({ type: 'run', id: 8, job: { ...job, expectedMs: PROGRESS_MS } });
    await w.drain();
    expect(w.sent.map((m) => m.type)).toEqual(['ready', 'done']);
  });

  it('a cancelled job never answers; the next one does', async () => {
    const w = fakeWorker();
    w.post({ type: 'run', id: 1, job });
    w.queue.shift()?.(); // one slice
    w.post({ type: 'cancel', id: 1 });
    w.post({ type: 'run', id: 2, job: { ...job, seed: 5 } });
    await w.drain();
    expect(w.sent.filter((m) => m.type === 'done').map((m) => (m as { id: number }).id)).toEqual([2]);
  });

  it('moves the buffers a result owns instead of copying them; the values arrive unchanged', async () => {
    const w = fakeWorker();
    const classifier = jobOf(nonlinearityBlock, 'activations: Identity, ReLU, Tanh\nsteps: 20\npoints: 12');
    w.post({ type: 'run', id: 4, job: classifier });
    w.post({ type: 'run', id: 5, job });
    await w.drain();
    const result = (id: number) => (w.sent.find((m) => m.type === 'done' && m.id === id) as { result: unknown }).result;
    const own = (id: number) => w.posted.find((p) => p.message.type === 'done' && p.message.id === id);
    // The classifier's saved parameters, one buffer per run, moved: the worker's arrays are empty now.
    const runs = (own(4)?.message as { result: ClassifierRunResult[] }).result;
    expect(own(4)?.transfer).toEqual(runs.map((r) => r.saved.buffer));
    expect(runs.map((r) => r.saved.length)).toEqual([0, 0, 0]);
    const bitsOf = (rs: unknown) =>
      (rs as ClassifierRunResult[]).map((r) => float64Bits([...r.loss, ...r.accuracy, ...r.saved]));
    expect(bitsOf(result(4))).toEqual(bitsOf(runToEnd(jobSteps(classifier))));
    // Each histogram layer's values likewise (12 layers, 5 shown, 4 activations).
    expect(own(5)?.transfer).toHaveLength(20);
    expect(flat(result(5))).toEqual(flat(runToEnd(jobSteps(job))));
  });

  it('a result with nothing of its own moves nothing', async () => {
    const w = fakeWorker();
    w.post({ type: 'run', id: 6, job: jobOf(deadReluBlock, 'steps: 5') });
    // Gradient flow without histograms: norms only, no values of its own.
    w.post({ type: 'run', id: 9, job: gradientFlowJob({ depth: 4, width: 4, batch: 2 }) });
    await w.drain();
    const moved = w.posted.filter((p) => p.message.type === 'done').map((p) => p.transfer);
    expect(moved).toEqual([[], []]);
  });

  it('a job that cannot resolve fails with its reason', async () => {
    const w = fakeWorker();
    const broken = { ...job, activations: [{ ref: { torch: 'NoSuchUnit', params: {} }, init: 'he_normal' as const }] };
    w.post({ type: 'run', id: 3, job: broken });
    await w.drain();
    const failed = w.sent.find((m) => m.type === 'failed');
    expect(failed).toMatchObject({ type: 'failed', id: 3 });
    expect((failed as { message: string }).message).toMatch(/does not resolve/);
  });
});
