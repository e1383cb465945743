/**
 * Golden-section search for the maximiser of a unimodal function: where it ends (sharp peaks to rounding, flat tops
 * snapped to round numbers when that is as good and inside the interval), and when it stops (the width reached,
 * or 80 steps), counted through the calls it makes.
 */
import { describe, expect, it } from 'vitest';
import { goldenMax } from '../../../src/core/numeric/golden-max';

/** `h` with a call counter. */
function counted(h: (x: number) => number): { h: (x: number) => number; calls: () => number } {
  let n = 0;
  return {
    h: (x) => {
      n++;
      return h(x);
    },
    calls: () => n,
  };
}

describe('goldenMax', () => {
  it('finds a sharp peak to about 1e-14', () => {
    expect(Math.abs(goldenMax((x) => -Math.abs(x - Math.SQRT2), 0, 3) - Math.SQRT2)).toBeLessThan(1e-13);
    expect(Math.abs(goldenMax((x) => -Math.abs(x - 1000.3), 1000, 1001) - 1000.3)).toBeLessThan(1e-10);
  });

  it('keeps a sharp peak off a round number where it is, rather than the round number beside it', () => {
    // 0.3 is 4e-7 away and worse: the snapped point is refused.
    const x = goldenMax((t) => -Math.abs(t - 0.3000004), 0, 1);
    expect(Math.abs(x - 0.3000004)).toBeLessThan(1e-12);
  });

  it('snaps a flat top to the round number at its peak', () => {
    // On −(x − 0.25)² the comparisons tie within ~1e-8 of the peak; 0.25 is as good, so it is returned exactly.
    expect(goldenMax((x) => -((x - 0.25) ** 2), 0, 1)).toBe(0.25);
    expect(goldenMax((x) => -(x * x), -1, 2) === 0).toBe(true); // 0 or −0: either is the peak
  });

  it('never returns a point outside [lo, hi], even a better round one', () => {
    // Increasing past hi: the search ends at hi, and 0.3 (better, but outside) is refused.
    const up = goldenMax((x) => x, 0.1, 0.2999996);
    expect(up).toBeLessThanOrEqual(0.2999996);
    expect(up).toBeGreaterThan(0.2999995);
    const down = goldenMax((x) => -x, 0.2000004, 1);
    expect(down).toBeGreaterThanOrEqual(0.2000004);
    expect(down).toBeLessThan(0.2000005);
  });

  it('returns an end exactly when the maximum is there and the end is a round number', () => {
    expect(goldenMax((x) => -x, 0, 1)).toBe(0);
    expect(goldenMax((x) => x, 0, 1)).toBe(1);
  });

  it('keeps the lower part on a tie: a plateau ends at its left edge', () => {
    // Flat on [−0.5, 0.5]: every comparison inside it ties, and a tie moves the upper end down.
    const x = goldenMax((t) => Math.min(0, 0.5 - Math.abs(t)), -1, 1);
    expect(x).toBe(-0.5);
  });

  it('stops after 80 steps on a wide interval: 2 calls a step and 2 for the snapped point', () => {
    // 0.618⁸⁰ × 10⁴ ≈ 2e-13 is still wider than 1e-14 near a peak at 0.3, so the step limit ends the search.
    const c = counted((x) => -Math.abs(x - 0.3));
    goldenMax(c.h, 0, 1e4);
    expect(c.calls()).toBe(2 * 80 + 2);
  });

  it('stops at the width, relative to |x| past 1, long before 80 steps', () => {
    // Near 1000 the width to reach is 1e-11: 0.618ᵏ ≤ 1e-11 after 53 steps.
    const c = counted((x) => -Math.abs(x - 1000.3));
    goldenMax(c.h, 1000, 1001);
    expect(c.calls()).toBe(2 * 53 + 2);
  });
});
