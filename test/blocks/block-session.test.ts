/** A block session played in Node: parse → init → view → control → background, against the API's figures. */
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/api';
import { BlockSession } from '../../src/blocks/block-session';
import { deadReluBlock } from '../../src/blocks/dead-relu';
import { gradientFlowBlock } from '../../src/blocks/gradient-flow';
import { env } from './fixtures';
import { activationBlock } from '../../src/blocks/activation';
import type { JobListener } from '../../src/blocks/block-jobs';
import type { RunJob } from '../../src/blocks/jobs/job';

const api = createApi();
const figures = (depth: number, seed: number) =>
  api.gradientFlowDemo({ activation: 'Tanh', depth, width: 8, batch: 4, seed, init: 'xavier_normal' }).gradWNorm;

describe('BlockSession', () => {
  it('returns every problem of a bad block instead of a session', () => {
    const opened = BlockSession.open(gradientFlowBlock, 'activations: Sigmoid, Nope\ndepth: 0', env());
    expect(opened.ok).toBe(false);
    if (!opened.ok)
      expect([opened.problem, ...(opened.problems ?? [])].map((p) => p.code)).toContain('unknownActivation');
  });

  it('draws the parsed state, then follows a slider and the new-weights button', () => {
    const opened = BlockSession.open(
      gradientFlowBlock,
      'activations: Tanh\ndepth: 6\nwidth: 8\nbatch: 4\ninit: xavier_normal\nseed: 3',
      env(),
    );
    if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
    const session = opened.value;
    expect(session.options.title).toBeUndefined();
    expect(session.view.charts[0].lines[0].y).toEqual(figures(6, 3));
    session.control('depth', 9);
    expect(session.view.charts[0].lines[0].y).toEqual(figures(9, 3));
    session.control('seed', 0);
    expect(session.view.charts[0].lines[0].y).toEqual(figures(9, 4));
    expect(session.hasBackground).toBe(false);
    expect(session.step()).toBe(false);
  });

  it('works through a background batch slice by slice until none is left', () => {
    const opened = BlockSession.open(deadReluBlock, 'activations: ReLU\nlr: 0.1\nsteps: 20', env());
    if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
    const session = opened.value;
    expect(session.hasBackground).toBe(true);
    const before = session.view;
    let slices = 0;
    while (session.step()) slices++;
    // The batch is 32 seeds; the drawn one is trained at once, each slice trains one more.
    expect(slices).toBe(31);
    expect(session.view).not.toBe(before);
    expect(session.view.charts[0].lines[0].y).toEqual(before.charts[0].lines[0].y);
  });
});

describe('BlockSession housekeeping', () => {
  const open = (kind: Parameters<typeof BlockSession.open>[0], source: string) => {
    const opened = BlockSession.open(kind, source, env());
    if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
    return opened.value;
  };
  const never: RunJob = () => ({ result: new Promise(() => {}), cancel: () => {} });
  const quiet: JobListener = { progress: () => {}, changed: () => {}, failed: () => {} };

  it('keeps one view until something changes', () => {
    const session = open(gradientFlowBlock, 'activations: Tanh\ndepth: 3\nwidth: 4\nbatch: 2');
    expect(session.view).toBe(session.view);
    // A kind without formulas ignores linked texts.
    const before = session.view;
    session.linked(['## Tanh\n$Tanh(x) = x$']);
    expect(session.view).toBe(before);
  });

  it('takes linked formulas into the view of a kind that reads them', () => {
    const session = open(activationBlock, 'functions: ReLU\nx: [-2, 2]\nformulas: "[[#ReLU]]"');
    expect(session.view.summary).toBe('');
    session.linked(['## ReLU\n$ReLU(x) = \\max(0, x)$']);
    expect(session.view.summary).toBe("✓ ReLU(x) agrees with torch's ReLU on [−2, 2]");
  });

  it('without a runner, cancel, resume and detach do nothing; with one, jobs replace background slices', () => {
    const session = open(deadReluBlock, 'activations: ReLU\nlr: 0.1\nsteps: 5\nwidth: 4\nsamples: 4');
    expect(() => {
      session.cancelJob();
      session.resumeJob();
      session.detach();
    }).not.toThrow();
    expect(session.hasBackground).toBe(true);
    session.attach(never, quiet);
    expect(session.hasBackground).toBe(false);
    session.detach();
    expect(session.hasBackground).toBe(true);
  });
});
