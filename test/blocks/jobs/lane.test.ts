/** Latest wins: a superseded or cancelled job never delivers, nor reports progress, even if its runner finishes it. */
import { describe, expect, it } from 'vitest';
import { JobLane } from '../../../src/blocks/jobs/lane';
import type { Job, JobHandle, RunJob } from '../../../src/blocks/jobs/job';
import { gradientFlowJob } from './fixtures';

/** A runner whose jobs finish when the test says (as a worker might, after a cancel was already sent). */
function manualRunner() {
  const runs: { job: Job; progress: (f: number) => void; finish: (r: unknown) => void; cancelled: boolean }[] = [];
  const run: RunJob = (job, progress): JobHandle => {
    let finish: (r: unknown) => void = () => undefined;
    const result = new Promise<unknown>((resolve) => (finish = resolve));
    const entry = { job, progress, finish, cancelled: false };
    runs.push(entry);
    return { result, cancel: () => (entry.cancelled = true) };
  };
  return { run, runs };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('JobLane', () => {
  const job = gradientFlowJob({ depth: 3, width: 4, batch: 2 });

  it('a newer job cancels the one in flight; only the newer one delivers', async () => {
    const { run, runs } = manualRunner();
    const lane = new JobLane(run);
    const delivered: unknown[] = [];
    const progress: number[] = [];
    const start = (tag: string) =>
      lane.start(
        { ...job, seed: tag.length },
        () => delivered.push(tag),
        (f) => progress.push(f),
        () => undefined,
      );
    start('a');
    start('bb');
    expect(runs.map((r) => r.cancelled)).toEqual([true, false]);
    runs[0].progress(0.5); // a worker's late message
    runs[0].finish('stale');
    runs[1].progress(0.25);
    await flush();
    expect(delivered).toEqual([]);
    runs[1].finish('fresh');
    await flush();
    expect(delivered).toEqual(['bb']);
    expect(progress).toEqual([0.25]);
    expect(lane.busy).toBe(false);
  });

  it('cancel: nothing of the job reaches the block afterwards', async () => {
    const { run, runs } = manualRunner();
    const lane = new JobLane(run);
    const heard: string[] = [];
    lane.start(
      job,
      () => heard.push('result'),
      () => heard.push('progress'),
      () => heard.push('error'),
    );
    expect(lane.busy).toBe(true);
    lane.cancel();
    expect(runs[0].cancelled).toBe(true);
    runs[0].progress(1);
    runs[0].finish('late');
    await flush();
    expect(heard).toEqual([]);
  });
});
