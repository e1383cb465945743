/**
 * What the Dead ReLU summary and batch counts read off a run, on runs written by hand: every branch of the facts
 * (nothing recorded, all dead from a step, dead units still learning, diverged) and of the outcome counts.
 */
import { describe, expect, it } from 'vitest';
import type { DeadReluRun } from '../../../../src/core/engines/dead-relu/dead-relu';
import { deadReluFacts, variance } from '../../../../src/core/engines/dead-relu/facts';
import { belowZero, outcome, tally } from '../../../../src/core/engines/dead-relu/outcomes';

const run = (dead: number[], extra: Partial<DeadReluRun> = {}): DeadReluRun => ({
  loss: dead.map((_, s) => 1 / (s + 1)),
  dead,
  deadGradNorm: dead.map(() => 0),
  ...extra,
});

describe('deadReluFacts', () => {
  it('dead from the first step of the final all-dead stretch, not an earlier one', () => {
    // Width 3: all dead at step 1, one revives at 2, all dead again from 3 to the end (5).
    expect(deadReluFacts(run([0, 3, 2, 3, 3, 3]), 3)).toEqual({
      lastStep: 5,
      finalLoss: 1 / 6,
      finalDead: 3,
      allDeadFrom: 3,
      deadStillLearn: false,
    });
  });

  it('no "dead from" when the last step has a live unit; dead units that still get gradient are said to learn', () => {
    const facts = deadReluFacts(run([3, 3, 1], { deadGradNorm: [0, 0, 0.5] }), 3);
    expect(facts).toEqual({ lastStep: 2, finalLoss: 1 / 3, finalDead: 1, deadStillLearn: true });
    expect('allDeadFrom' in facts).toBe(false);
  });

  it('a run that diverged before recording anything', () => {
    expect(deadReluFacts({ loss: [], dead: [], deadGradNorm: [], divergedAt: 0 }, 4)).toEqual({
      lastStep: -1,
      finalLoss: NaN,
      finalDead: 0,
      deadStillLearn: false,
      divergedAt: 0,
    });
  });

  it('all dead at its only step: every fact read off step 0', () => {
    const facts = deadReluFacts(run([2], { deadGradNorm: [0.25] }), 2);
    expect(facts).toEqual({ lastStep: 0, finalLoss: 1, finalDead: 2, allDeadFrom: 0, deadStillLearn: true });
    expect('divergedAt' in facts).toBe(false);
  });
});

describe('variance', () => {
  it('is the population variance (the least mean squared error of a constant), NaN for no values', () => {
    expect(variance([1, 2, 3, 4])).toBe(1.25); // mean 2.5; (2.25 + 0.25 + 0.25 + 2.25) / 4
    expect(variance([5])).toBe(0);
    expect(variance([])).toBeNaN();
  });
});

describe('outcomes', () => {
  it('dead below zero only where the slope there is 0; learning where it is not; other otherwise', () => {
    expect(belowZero({ silentBelowZero: true })).toBe('dead');
    expect(belowZero({ negativeSlope: 0 })).toBe('dead');
    expect(belowZero({ negativeSlope: 0.01 })).toBe('learning');
    expect(belowZero({ negativeSlope: -0.5 })).toBe('learning');
    expect(belowZero({})).toBe('other');
    expect(belowZero({ silentBelowZero: false })).toBe('other');
  });

  it('a run ends diverged, or with all, some or none of its units dead at the last step', () => {
    expect(outcome(run([0, 3], { divergedAt: 1 }), 3)).toBe('diverged');
    expect(outcome(run([0, 3]), 3)).toBe('all');
    expect(outcome(run([3, 1]), 3)).toBe('some');
    expect(outcome(run([3, 0]), 3)).toBe('none');
    expect(outcome(run([]), 3)).toBe('none');
  });

  it('counts a batch', () => {
    const runs = [run([3]), run([1]), run([0]), run([2]), run([3], { divergedAt: 0 })];
    expect(tally(runs, 3)).toEqual({ runs: 5, diverged: 1, all: 1, some: 2, none: 1 });
  });
});
