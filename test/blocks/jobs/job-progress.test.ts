/**
 * What a job's progress bar is fed: a runs job gives each run an equal share, in order, each run's own progress
 * mapped into it; every kind's progress stays in [0, 1] and never goes back. And the frame a block shows while its
 * first job runs: empty, with nothing to read out or export.
 */
import { describe, expect, it } from 'vitest';
import { activationBlock } from '../../../src/blocks/activation';
import { deadReluBlock } from '../../../src/blocks/dead-relu';
import { gradientFlowBlock } from '../../../src/blocks/gradient-flow';
import { jobResult, jobSteps } from '../../../src/blocks/jobs';
import type { GradientFlowResult } from '../../../src/blocks/jobs/gradient-flow-job';
import { waitingView } from '../../../src/blocks/jobs/waiting-view';
import { nonlinearityBlock } from '../../../src/blocks/nonlinearity';
import { zeroCenteredBlock } from '../../../src/blocks/zero-centered';
import { gradientFlowData } from '../../../src/core/engines/gradient-flow/data';
import { zigzagSteps } from '../../../src/core/engines/zigzag/zigzag';
import { progressOf } from '../../helpers/progress';
import { jobOf } from './fixtures';

/** A definition of the note's own costly enough to be sampled as a job (240 calls of tanh). */
const heavy = (name: string) => `${name}(x) = ${Array.from({ length: 240 }, () => 'tanh(x)').join('+')}`;

describe('job progress', () => {
  it('a runs job gives run i of n the share [i/n, (i + 1)/n], its own progress mapped into it', () => {
    // 300 steps: each run yields after every 64 updates, four times.
    const job = jobOf(zeroCenteredBlock, 'steps: 300');
    if (job.kind !== 'zigzag') throw new Error(`a zig-zag job, got ${job.kind}`);
    const n = job.runs.length;
    expect(n).toBeGreaterThan(1);
    expect(progressOf(zigzagSteps(structuredClone(job.runs[0])))).toHaveLength(4);
    const expected = job.runs.flatMap((run, i) =>
      progressOf(zigzagSteps(structuredClone(run))).map((v) => (i + v) / n),
    );
    const values = progressOf(jobSteps(job));
    expect(values).toHaveLength(expected.length);
    values.forEach((v, k) => expect(v, `yield ${k}`).toBeCloseTo(expected[k], 14));
  });

  it.each([
    ['activation (a sampling job of two functions)', activationBlock, `functions: ${heavy('h0')}, ${heavy('h1')}`],
    ['dead-relu', deadReluBlock, 'steps: 20'],
    ['zero-centered', zeroCenteredBlock, 'steps: 300'],
    ['nonlinearity', nonlinearityBlock, 'steps: 20'],
    // Three activations on two inits: each init's network is drawn once, a share of its own.
    ['gradient-flow', gradientFlowBlock, 'activations: Sigmoid, Tanh, ReLU\ninit: auto\ndepth: 50\nwidth: 64'],
  ])('%s: progress stays in [0, 1] and never goes back', (_name, kind, source) => {
    const values = progressOf(jobSteps(jobOf(kind, source)));
    expect(values.length).toBeGreaterThan(1);
    values.forEach((v, k) => {
      expect(v, `yield ${k}`).toBeGreaterThanOrEqual(k === 0 ? 0 : values[k - 1]);
      expect(v, `yield ${k}`).toBeLessThanOrEqual(1);
    });
  });
});

describe('the weight gain the histogram view states', () => {
  it('is gain × √fan_in × the standard deviation of the weights drawn, by a two-pass count', () => {
    const job = jobOf(
      gradientFlowBlock,
      'activations: Sigmoid, ReLU\ninit: auto\nview: histograms\ngain: 1.5\ndepth: 6\nwidth: 24',
    );
    if (job.kind !== 'gradient-flow') throw new Error(`a gradient-flow job, got ${job.kind}`);
    const { counts } = jobResult<GradientFlowResult>(job);
    const stated = (counts ?? []).map((c) => c.weightGain);
    const expected = job.activations.map(({ init }) => {
      const { weights } = gradientFlowData(job.seed, { depth: job.depth, width: job.width, batch: job.batch, init });
      const mean = weights.reduce((a, v) => a + v, 0) / weights.length;
      const variance = weights.reduce((a, v) => a + (v - mean) ** 2, 0) / weights.length;
      return 1.5 * Math.sqrt(job.width * variance);
    });
    expect(new Set(job.activations.map((r) => r.init)).size).toBe(2); // Xavier for Sigmoid, He for ReLU
    expect(stated).toHaveLength(2);
    stated.forEach((g, i) => expect(Math.abs(g - expected[i]) / expected[i], `activation ${i}`).toBeLessThan(1e-12));
  });
});

describe('the frame shown while the first job runs', () => {
  it('is one empty chart on [0, 1]², with the controls, no legend, summary, read-out or data', () => {
    const controls = [{ kind: 'button' as const, id: 'seed', label: 'new data' }];
    const view = waitingView(controls, 'Training ReLU');
    const axis = { type: 'linear', min: 0, max: 1 };
    expect(view.charts).toEqual([
      { x: axis, y: axis, lines: [], bands: [], markers: [], zeroAxes: false, description: 'Training ReLU' },
    ]);
    expect(view.controls).toBe(controls);
    expect([view.legend, view.summary]).toEqual([[], '']);
    expect(view.readout?.(0, 0.5)).toEqual({ heading: '', rows: [] });
    // No header and no rows: a CSV of one empty line.
    expect(view.csv?.()).toBe('\r\n');
  });
});
