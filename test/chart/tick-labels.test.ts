/** Axis ticks and labels: decimal steps print exactly (Chart.js would print 0.25 as "0.3"), log axes tick and print powers of ten. */
import { describe, expect, it } from 'vitest';
import { stepTickLabel, logTickLabel } from '../../src/chart/chart-config';
import { decadeTicks } from '../../src/chart/scales';

describe('stepTickLabel', () => {
  it("prints a step of 0.25 with two decimals, so Sigmoid′'s peak sits on a line labelled 0.25", () => {
    const label = stepTickLabel(0.25);
    expect([-0.25, 0, 0.25, 0.5, 0.75, 1].map(label)).toEqual(['−0.25', '0.00', '0.25', '0.50', '0.75', '1.00']);
  });
  it('uses as few decimals as the step needs', () => {
    expect(stepTickLabel(0.2)(0.6000000000000001)).toBe('0.6');
    expect(stepTickLabel(0.5)(-1.5)).toBe('−1.5');
    expect(stepTickLabel(0.05)(0.15)).toBe('0.15');
    expect(stepTickLabel(0.001)(0.003)).toBe('0.003');
    expect(stepTickLabel(2.5e-7)(7.5e-7)).toBe('0.00000075');
    expect([-5, 0, 5].map(stepTickLabel(5))).toEqual(['−5', '0', '5']);
    expect(stepTickLabel(10)(60)).toBe('60');
  });
  it('prints a float residue of summed steps as zero, never "−0.0"', () => {
    expect(stepTickLabel(0.1)(-1.3877787807814457e-17)).toBe('0.0');
  });
});

describe('logTickLabel', () => {
  it('labels powers of ten only, with superscript exponents', () => {
    expect([1e-9, 0.01, 0.1, 1, 10, 100, 1000].map((v) => logTickLabel(v))).toEqual([
      '10⁻⁹',
      '10⁻²',
      '10⁻¹',
      '1',
      '10',
      '10²',
      '10³',
    ]);
    expect([2, 0.05, 0, -1].map((v) => logTickLabel(v))).toEqual(['', '', '', '']);
  });
});

describe('decadeTicks', () => {
  const exponents = (min: number, max: number) => decadeTicks(min, max).map((t) => Math.log10(t.value));
  it('ticks every power of ten from min to max, bounds included', () => {
    expect(decadeTicks(0.01, 100).map((t) => t.value)).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(exponents(3e-5, 2000)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3]);
    expect(decadeTicks(2, 9)).toEqual([]);
  });
  it('keeps at most 10 decades, on exponents divisible by the stride', () => {
    // 32 decades (10⁻³⁰ … 10¹): a stride of ⌈32 / 10⌉ = 4.
    expect(exponents(1e-30, 10)).toEqual([-28, -24, -20, -16, -12, -8, -4, 0]);
    expect(exponents(1e-10, 1)).toEqual([-10, -8, -6, -4, -2, 0]);
    expect(exponents(1e-9, 1)).toEqual([-9, -8, -7, -6, -5, -4, -3, -2, -1, 0]);
  });
});
