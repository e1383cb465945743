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

describe('formatNumber at its boundaries', () => {
  it('switches to exponent form at 10⁶ and below 10⁻⁴, and not before', () => {
    // Six significant digits of 1 234 567 are 1.23457 × 10⁶; 10⁶ itself is written 1e+6, one below it in full.
    expect(formatNumber(1234567)).toBe('1.23457e+6');
    expect(formatNumber(1e6)).toBe('1e+6');
    expect(formatNumber(999999)).toBe('999999');
    // 10⁻⁴ is the last magnitude in plain digits; 5 × 10⁻⁵ (which String() would still print plainly) is not.
    expect(formatNumber(1e-4)).toBe('0.0001');
    expect(formatNumber(5e-5)).toBe('5e−5');
  });
  it('drops trailing zeros of the mantissa only', () => {
    expect(formatNumber(1.5e7)).toBe('1.5e+7');
    expect(formatNumber(-2e-7)).toBe('−2e−7');
  });
  it('writes infinities with their sign', () => {
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(-0)).toBe('0');
  });
});

describe('formatPower at its boundaries', () => {
  it('writes powers from 10⁴ and below 10⁻³, plain numbers from 10⁻³ up to 10⁴', () => {
    expect(formatPower(1e4)).toBe('10⁴');
    expect(formatPower(9999)).toBe('10000'); // two significant digits, as formatNumber gives
    expect(formatPower(1e-3)).toBe('0.001');
    expect(formatPower(9.9e-4)).toBe('9.9×10⁻⁴');
  });
  it('rounds the mantissa to the digits asked for and drops its trailing zeros', () => {
    // 2.84 × 10⁻¹³ to two digits is 2.8; 1.5 × 10⁵ to three is 1.50, written 1.5; 10⁵ to three is 1.00, written 10⁵.
    expect(formatPower(2.84e-13)).toBe('2.8×10⁻¹³');
    expect(formatPower(1.5e5, 3)).toBe('1.5×10⁵');
    expect(formatPower(1e5, 3)).toBe('10⁵');
  });
});
