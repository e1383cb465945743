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
