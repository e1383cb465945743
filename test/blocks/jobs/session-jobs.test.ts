/**
 * A session with a runner: the first view is the placeholder (no sentence about results not computed), each
 * delivered result is exactly the synchronous view's, newer states supersede older jobs, cheap jobs run inline.
 */
import { describe, expect, it } from 'vitest';
import { BlockSession } from '../../../src/blocks/block-session';
import { gradientFlowBlock } from '../../../src/blocks/gradient-flow';
import { jobSteps } from '../../../src/blocks/jobs';
import type { RunJob } from '../../../src/blocks/jobs/job';
import { runInSlices } from '../../../src/blocks/jobs/slices';
import type { AnyBlockKind } from '../../../src/blocks/block-kind';
import type { GradientFlowJob } from '../../../src/blocks/jobs/gradient-flow-job';
import { fakeLoop, listening, runCloned } from './fixtures';
import { env } from '../fixtures';

const kind = gradientFlowBlock as unknown as AnyBlockKind;

function open(source: string): BlockSession {
  const s = BlockSession.open(kind, source, env());
  if (!s.ok) throw new Error('parse');
  return s.value;
}

/** A runner over the sliced runner and a fake event loop; counts the jobs started. `clone`: as across a worker. */
function harness(clone = false) {
  const { clock, settle } = fakeLoop(() => 0);
  const started: number[] = [];
  const run: RunJob = (job, onProgress) => {
    started.push((job as GradientFlowJob).depth);
    return clone ? runCloned(job, clock, 1e9, onProgress) : runInSlices(jobSteps(job), clock, 1e9, onProgress);
  };
  const { heard, listener } = listening();
  return { run, listener, heard, started, settle };
}

const BLOCK = 'activations: Sigmoid, Tanh, ReLU\ndepth: 30\nwidth: 32';

describe('BlockSession with a runner', () => {
  it('shows the placeholder, then exactly the synchronous view', async () => {
    const h = harness();
    const session = open(BLOCK);
    session.attach(h.run, h.listener);
    expect(session.view.summary).toBe('');
    expect(session.view.charts[0].lines).toEqual([]);
    await h.settle();
    expect(h.heard.changed).toBe(1);
    const sync = open(BLOCK).view;
    expect(session.view.summary).toBe(sync.summary);
    expect(session.view.charts).toEqual(sync.charts);
    expect(session.view.csv()).toBe(sync.csv());
    expect(h.heard.progress.at(-1)).toBeNull();
  });

  it('a burst of control changes runs to the last state only, keeping the last finished view meanwhile', async () => {
    const h = harness();
    const session = open(BLOCK);
    session.attach(h.run, h.listener);
    await h.settle();
    const finished = session.view;
    for (const depth of [31, 32, 33, 34]) session.control('depth', depth);
    expect(session.view).toBe(finished);
    await h.settle();
    expect(h.heard.changed).toBe(2); // the first result, then depth 34's
    expect(h.started).toEqual([30, 31, 34]); // 31 was in flight and ran to its end; 32 and 33 never started
    const sync = open(BLOCK.replace('depth: 30', 'depth: 34')).view;
    expect(session.view.csv()).toBe(sync.csv());
    expect(session.view.summary).toBe(sync.summary);
  });

  it('going back to the shown state stops the job in flight; cheap jobs run inline', async () => {
    const h = harness();
    const session = open(BLOCK);
    session.attach(h.run, h.listener);
    await h.settle();
    session.control('depth', 40);
    session.control('depth', 30);
    expect(h.heard.progress.at(-1)).toBeNull();
    await h.settle();
    expect(h.heard.changed).toBe(1);
    const small = open('activations: ReLU\ndepth: 2\nwidth: 4\nbatch: 2');
    small.attach(h.run, h.listener);
    expect(small.view.summary).not.toBe(''); // computed at once, no job
    expect(h.started).toEqual([30, 40]);
  });

  it('cancel keeps the last view and starts nothing until asked again', async () => {
    const h = harness();
    const session = open(BLOCK);
    session.attach(h.run, h.listener);
    session.cancelJob();
    await h.settle();
    expect(session.view.summary).toBe('');
    session.resumeJob();
    await h.settle();
    expect(session.view.summary).toBe(open(BLOCK).view.summary);
    session.control('depth', 35);
    session.detach();
    await h.settle();
    expect(h.heard.changed).toBe(1);
  });

  it('histograms and gain travel as plain data: across a structured clone, the views computed in place', async () => {
    const h = harness(true);
    const source = `${BLOCK}\nview: histograms\ngain: 3`;
    const session = open(source);
    session.attach(h.run, h.listener);
    await h.settle();
    const sync = open(source).view;
    expect(session.view.charts).toEqual(sync.charts);
    expect(session.view.summary).toBe(sync.summary);
    expect(session.view.csv()).toBe(sync.csv());
    // The histograms' run holds the norms too: switching view starts no job.
    session.control('view', 'norms');
    const norms = open(`${BLOCK}\ngain: 3`).view;
    expect(session.view.summary).toBe(norms.summary);
    expect(session.view.csv()).toBe(norms.csv());
    session.control('view', 'histograms');
    session.control('gain', 2);
    await h.settle();
    expect(session.view.csv()).toBe(open(`${BLOCK}\nview: histograms\ngain: 2`).view.csv());
    expect(h.started).toEqual([30, 30]);
    expect(h.heard.changed).toBe(2);
  });
});
