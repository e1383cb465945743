/** Numbers in prose: formatPower writes powers of ten as a reader would, and reads back to the value. */
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPower } from '../../../src/core/plot/format';

describe('formatPower', () => {
  it('writes 2.8×10⁻¹³, 10⁵ and −3.1×10⁴; ordinary magnitudes as formatNumber does', () => {
    expect(formatPower(2.8e-13)).toBe('2.8×10⁻¹³');
    expect(formatPower(1e5)).toBe('10⁵');
    expect(formatPower(-31000)).toBe('−3.1×10⁴');
    expect(formatPower(-0.0001)).toBe('−10⁻⁴');
    expect(formatPower(2.04e-4, 3)).toBe('2.04×10⁻⁴');
    for (const v of [0.73, 1.8, 0, 0.0012, 9999, NaN, Infinity]) expect(formatPower(v)).toBe(formatNumber(v, 2));
  });
});
