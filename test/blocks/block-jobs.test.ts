/**
 * BlockJobs with a runner the test drives by hand: which jobs run inline and which go to the runner, what the
 * listener hears (progress with or without a bar, nothing new while a short job supersedes another), the same
 * job not started twice, cancel and resume, failures.
 */
import { describe, expect, it } from 'vitest';
import { BlockJobs, type JobListener } from '../../src/blocks/block-jobs';
import type { AnyBlockKind } from '../../src/blocks/block-kind';
import { gradientFlowBlock } from '../../src/blocks/gradient-flow';
import { jobResult } from '../../src/blocks/jobs';
import type { Job, RunJob } from '../../src/blocks/jobs/job';
import { env, parseOk } from './fixtures';

/** A kind whose state is the job it needs (null: none). */
const kind = { placeholder: () => ({}), job: (state: unknown) => state as Job | null } as unknown as AnyBlockKind;

/** A small real job (so an inline one can be computed), with its expected time set by the test. */
function job(expectedMs: number, more: Partial<Job> = {}): Job {
  const k = gradientFlowBlock;
  const real = k.job?.(k.init(parseOk(k, 'activations: ReLU\ndepth: 2\nwidth: 2\nbatch: 1'), env())) as Job;
  return { ...real, expectedMs, ...more } as Job;
}

/** A runner whose jobs settle only when the test says so. */
function harness(k: AnyBlockKind = kind) {
  const started: {
    job: Job;
    progress: (f: number) => void;
    resolve: (r: unknown) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const run: RunJob = (j, progress) => {
    let resolve: (r: unknown) => void = () => {};
    let reject: (e: unknown) => void = () => {};
    const result = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    started.push({ job: j, progress, resolve, reject });
    return { result, cancel: () => resolve(null) };
  };
  const heard = { progress: [] as ({ fraction: number; bar: boolean } | null)[], changed: 0, failed: [] as unknown[] };
  const listener: JobListener = {
    progress: (p) => heard.progress.push(p),
    changed: () => heard.changed++,
    failed: (e) => heard.failed.push(e),
  };
  const delivered: unknown[] = [];
  const deliver = (r: unknown) => delivered.push(r);
  return { jobs: new BlockJobs(k, run, listener), started, heard, delivered, deliver };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('BlockJobs', () => {
  it('computes a job the view waits for at once when it takes at most 2 ms, without the runner', () => {
    const h = harness();
    const j = job(2);
    h.jobs.reconcile(j, h.deliver);
    expect(h.started).toHaveLength(0);
    expect(h.delivered).toEqual([jobResult(j)]);
    expect(h.heard.progress).toEqual([]);
    h.jobs.reconcile(null, h.deliver);
    expect(h.delivered).toHaveLength(1);
  });

  it('sends a background job to the runner however short, and the view does not wait for it', () => {
    const h = harness();
    h.jobs.reconcile(job(1, { background: true }), h.deliver);
    expect(h.started).toHaveLength(1);
    expect(h.jobs.waiting).toBe(false);
  });

  it('does nothing for a kind without jobs', () => {
    const h = harness({ placeholder: () => ({}) } as unknown as AnyBlockKind);
    h.jobs.reconcile(job(500), h.deliver);
    expect([h.started.length, h.delivered.length, h.heard.progress.length]).toEqual([0, 0, 0]);
  });

  it('shows a bar for a job expected past 200 ms, with its progress; then delivers and says the view changed', async () => {
    const h = harness();
    h.jobs.reconcile(job(201), h.deliver);
    expect(h.jobs.waiting).toBe(true);
    expect(h.heard.progress).toEqual([{ fraction: 0, bar: true }]);
    h.started[0].progress(0.5);
    expect(h.heard.progress.at(-1)).toEqual({ fraction: 0.5, bar: true });
    h.started[0].resolve('result');
    await tick();
    expect(h.heard.progress.at(-1)).toBeNull();
    expect(h.delivered).toEqual(['result']);
    expect(h.heard.changed).toBe(1);
    expect(h.jobs.waiting).toBe(false);
  });

  it('no bar up to 200 ms; a short job superseding a short one changes nothing on screen', () => {
    const h = harness();
    h.jobs.reconcile(job(200), h.deliver);
    expect(h.heard.progress).toEqual([{ fraction: 0, bar: false }]);
    h.jobs.reconcile(job(150), h.deliver);
    expect(h.heard.progress).toEqual([{ fraction: 0, bar: false }]);
    // A long one after it shows its bar.
    h.jobs.reconcile(job(5000), h.deliver);
    expect(h.heard.progress.at(-1)).toEqual({ fraction: 0, bar: true });
  });

  it('after a job settles, the next short job is shown again', async () => {
    const h = harness();
    h.jobs.reconcile(job(100), h.deliver);
    h.started[0].resolve('done');
    await tick();
    h.jobs.reconcile(job(120), h.deliver);
    expect(h.heard.progress).toEqual([{ fraction: 0, bar: false }, null, { fraction: 0, bar: false }]);
  });

  it('does not start the same job twice, nor one the reader cancelled, until asked to resume', () => {
    const h = harness();
    const j = job(500);
    h.jobs.reconcile(j, h.deliver);
    h.jobs.reconcile({ ...j }, h.deliver);
    expect(h.started).toHaveLength(1);
    h.jobs.cancel();
    expect(h.heard.progress.at(-1)).toBeNull();
    expect(h.jobs.waiting).toBe(true);
    h.jobs.reconcile({ ...j }, h.deliver);
    expect(h.started).toHaveLength(1);
    // Cancelling again with nothing in flight keeps the reader's cancel.
    h.jobs.cancel();
    h.jobs.reconcile({ ...j }, h.deliver);
    expect(h.started).toHaveLength(1);
    h.jobs.resume({ ...j }, h.deliver);
    expect(h.started).toHaveLength(2);
    // Another job is started even after a cancel.
    h.jobs.cancel();
    h.jobs.reconcile(job(600), h.deliver);
    expect(h.started).toHaveLength(3);
  });

  it('reports a failure and clears the progress', async () => {
    const h = harness();
    h.jobs.reconcile(job(500), h.deliver);
    const error = new Error('worker died');
    h.started[0].reject(error);
    await tick();
    expect(h.heard.failed).toEqual([error]);
    expect(h.heard.progress.at(-1)).toBeNull();
    expect(h.delivered).toEqual([]);
    expect(h.jobs.waiting).toBe(false);
  });
});
