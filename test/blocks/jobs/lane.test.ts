/**
 * Latest wins: a short job in flight finishes while only the newest request waits (those in between never start);
 * a long one is cancelled at once. A superseded or cancelled job never delivers, fails, nor reports progress.
 */
import { describe, expect, it } from 'vitest';
import { JobLane } from '../../../src/blocks/jobs/lane';
import { FINISH_MS, type Job, type JobHandle, type RunJob } from '../../../src/blocks/jobs/job';
import type { GradientFlowJob } from '../../../src/blocks/jobs/gradient-flow-job';
import { gradientFlowJob } from './fixtures';

/** A runner whose jobs finish when the test says (as a worker might, after a cancel was already sent). */
function manualRunner() {
  const runs: {
    job: Job;
    progress: (f: number) => void;
    finish: (r: unknown) => void;
    fail: (e: unknown) => void;
    cancelled: boolean;
  }[] = [];
  const run: RunJob = (job, progress): JobHandle => {
    let finish: (r: unknown) => void = () => undefined;
    let fail: (e: unknown) => void = () => undefined;
    const result = new Promise<unknown>((resolve, reject) => ((finish = resolve), (fail = reject)));
    const entry = { job, progress, finish, fail, cancelled: false };
    runs.push(entry);
    return { result, cancel: () => (entry.cancelled = true) };
  };
  return { run, runs };
}

/** The seed a test job was tagged with. */
const seedOf = (j: Job) => (j as GradientFlowJob).seed;

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('JobLane', () => {
  const job = gradientFlowJob({ depth: 3, width: 4, batch: 2 });

  /** A lane over a manual runner, and what reached the block. */
  function lane() {
    const runner = manualRunner();
    const l = new JobLane(runner.run);
    const heard: string[] = [];
    const start = (seed: number, expectedMs = 1) =>
      l.start(
        { ...job, seed, expectedMs },
        (r) => heard.push(`${seed}: ${String(r)}`),
        (f) => heard.push(`${seed}: ${f}`),
        (e) => heard.push(`${seed} failed: ${String(e)}`),
      );
    return { lane: l, runs: runner.runs, heard, start };
  }

  it('a short job in flight finishes; only the newest request waits, and only it delivers', async () => {
    const { lane: l, runs, heard, start } = lane();
    start(1);
    start(2);
    start(3);
    expect(runs.map((r) => [seedOf(r.job), r.cancelled])).toEqual([[1, false]]); // no message per superseded request
    runs[0].progress(0.5);
    runs[0].finish('stale');
    await flush();
    expect(runs.map((r) => seedOf(r.job))).toEqual([1, 3]); // 2 never starts
    runs[1].progress(0.25);
    runs[1].finish('fresh');
    await flush();
    expect(heard).toEqual(['3: 0.25', '3: fresh']);
    expect(l.busy).toBe(false);
  });

  it('a stale job that fails is dropped too, and the waiting request starts', async () => {
    const { runs, heard, start } = lane();
    start(1);
    start(2);
    runs[0].fail(new Error('worker died'));
    await flush();
    runs[1].finish('ok');
    await flush();
    expect(heard).toEqual(['2: ok']);
  });

  it('a long job in flight is cancelled at once; the newer starts at once', async () => {
    const { runs, heard, start } = lane();
    start(1, FINISH_MS + 1);
    start(2);
    expect(runs.map((r) => [seedOf(r.job), r.cancelled])).toEqual([
      [1, true],
      [2, false],
    ]);
    runs[0].progress(0.5); // a worker's late message
    runs[0].finish('late');
    runs[1].finish('fresh');
    await flush();
    expect(heard).toEqual(['2: fresh']);
  });

  it('cancel: nothing of the job in flight, nor of the waiting request, reaches the block afterwards', async () => {
    const { lane: l, runs, heard, start } = lane();
    start(1);
    start(2);
    expect(l.busy).toBe(true);
    l.cancel();
    expect(runs[0].cancelled).toBe(true);
    runs[0].progress(1);
    runs[0].finish('late');
    await flush();
    expect(runs).toHaveLength(1);
    expect(heard).toEqual([]);
    expect(l.busy).toBe(false);
  });

  it('a job expected to take exactly FINISH_MS counts as short: it finishes while the newer request waits', () => {
    const { runs, start } = lane();
    start(1, FINISH_MS);
    start(2);
    expect(runs.map((r) => [seedOf(r.job), r.cancelled])).toEqual([[1, false]]);
  });

  it('is busy with one job in flight and nothing waiting, and idle once it delivers', async () => {
    const { lane: l, runs, heard, start } = lane();
    expect(l.busy).toBe(false);
    start(1);
    expect(l.busy).toBe(true);
    runs[0].finish('done');
    await flush();
    expect(heard).toEqual(['1: done']);
    expect(l.busy).toBe(false);
  });

  it('a job that settles with null (nothing to show) delivers nothing and leaves the lane idle', async () => {
    const { lane: l, runs, heard, start } = lane();
    start(1);
    runs[0].finish(null);
    await flush();
    expect(heard).toEqual([]);
    expect(l.busy).toBe(false);
  });

  it('a cancelled long job settling late leaves the newer one in flight, which then delivers', async () => {
    const { lane: l, runs, heard, start } = lane();
    start(1, FINISH_MS + 1);
    start(2);
    runs[0].finish('late');
    await flush();
    expect(l.busy).toBe(true);
    runs[1].finish('fresh');
    await flush();
    expect(heard).toEqual(['2: fresh']);
    expect(l.busy).toBe(false);
  });
});
