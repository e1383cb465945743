import { describe, expect, it } from 'vitest';
import { decadeRange, positiveOrGap } from '../../../src/core/plot/log-axis';
import { niceRange, niceStep } from '../../../src/core/plot/ticks';
import { formatNumber } from '../../../src/core/plot/format';

describe('nice ticks', () => {
  it('picks 1, 2, 2.5, 5 × 10^k steps', () => {
    expect(niceStep(12)).toBe(2);
    expect(niceStep(1.3)).toBe(0.25);
    expect(niceStep(600)).toBe(100);
  });
  it('widens a range to multiples of the step so 0 is a tick', () => {
    expect(niceRange(-0.31, 1.07)).toEqual({ min: -0.5, max: 1.25, step: 0.25 });
  });
});

describe('log axes', () => {
  it('covers the positive values with whole decades', () => {
    expect(decadeRange([3e-9, 0.4, 0, NaN])).toEqual([1e-9, 1]);
  });
  it('turns zeros and non-finite values into gaps', () => {
    expect(positiveOrGap([1, 0, -1, Infinity])).toEqual([1, NaN, NaN, NaN]);
  });
});

describe('formatNumber', () => {
  it('shows 6 significant digits with a true minus sign and exponents for tiny values', () => {
    expect(formatNumber(0.25)).toBe('0.25');
    expect(formatNumber(-1 / 3)).toBe('−0.333333');
    expect(formatNumber(3.1e-9, 2)).toBe('3.1e−9');
    expect(formatNumber(NaN)).toBe('—');
  });
});

describe('nice ticks at their boundaries', () => {
  it('takes the smaller nice step when the raw step is exactly 2.5 or 5 × 10^k', () => {
    // span / 6 intervals: 15 / 6 = 2.5 and 30 / 6 = 5 are nice already, so they are the step (not the next one up).
    expect(niceStep(15)).toBe(2.5);
    expect(niceStep(30)).toBe(5);
    expect(niceStep(0.3, 6)).toBe(0.05);
  });
  it('falls back to a step of 1 for an empty, negative or non-finite span', () => {
    for (const span of [0, -0, -4, NaN, Infinity]) expect(niceStep(span)).toBe(1);
  });
  it('gives a range ending at 0 a limit of +0, never −0 (Intl prints −0 as "-0" on an axis)', () => {
    // Math.ceil(−0.… ) is −0, and −0 × step is −0; the range must carry +0 (step 1: [−5, 0]).
    const r = niceRange(-4.6, 0);
    expect(r).toEqual({ min: -5, max: 0, step: 1 });
    expect(Object.is(r.max, 0)).toBe(true);
    const up = niceRange(0, 4.6);
    expect(Object.is(up.min, 0)).toBe(true);
  });
});

describe('log axes at their boundaries', () => {
  it('falls back to [0.1, 10] when no value is positive and finite', () => {
    expect(decadeRange([])).toEqual([0.1, 10]);
    expect(decadeRange([0, -3, NaN, Infinity])).toEqual([0.1, 10]);
  });
  it('keeps a value that is a power of ten on the range edge, not a decade further out', () => {
    // 10⁻³ ≤ 0.001 and 10 ≥ 10: the decades [10⁻³, 10] already cover both values.
    expect(decadeRange([0.001, 10])).toEqual([1e-3, 10]);
    expect(decadeRange([0.5, 10])).toEqual([0.1, 10]);
  });
  it('spans at least one decade, even for a single power of ten', () => {
    expect(decadeRange([1])).toEqual([1, 10]);
    expect(decadeRange([100])).toEqual([100, 1000]);
  });
  it('takes the largest value wherever it comes in the input', () => {
    // max 30 → ceil(log₁₀ 30) = 2; min 0.5 → floor(log₁₀ 0.5) = −1.
    expect(decadeRange([30, 0.5])).toEqual([0.1, 100]);
    expect(decadeRange([0.5, 30, 2])).toEqual([0.1, 100]);
  });
});
