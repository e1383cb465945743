/**
 * The property table's cells from hand-made properties: intervals and regions in the usual notation, a peak only
 * approached, no saturation, kinks and jumps, no gain; the CSV cells the exports write.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { formatInterval, formatRegion, propertiesTable } from '../../src/blocks/properties-table';
import { csvOf } from '../../src/blocks/csv';
import { markLegend } from '../../src/blocks/legend-marks';
import type { ActivationProperties, Interval } from '../../src/core/activations/activation-properties';
import type { LineChartModel } from '../../src/blocks/line-chart-model';
import { env, parseOk } from './fixtures';
import { activationBlock } from '../../src/blocks/activation';

const iv = (lo: number, hi: number, loClosed = false, hiClosed = false): Interval => ({ lo, hi, loClosed, hiClosed });

describe('formatInterval and formatRegion', () => {
  it('write intervals with their brackets, a point as a set, and regions as conditions on x', () => {
    expect(formatInterval(iv(0, 1, true, false))).toBe('[0, 1)');
    expect(formatInterval(iv(-Infinity, 0.25, false, true))).toBe('(−∞, 0.25]');
    expect(formatInterval(iv(2, 2, true, true))).toBe('{2}');
    expect(formatRegion(iv(1.4142, 1.4142, true, true))).toBe('x = 1.414');
    expect(formatRegion(iv(-1, 1))).toBe('−1 < x < 1');
    expect(formatRegion(iv(-1, 1, true, true))).toBe('−1 ≤ x ≤ 1');
    expect(formatRegion(iv(-Infinity, 0, false, true))).toBe('x ≤ 0');
    expect(formatRegion(iv(0, Infinity))).toBe('x > 0');
    expect(formatRegion(iv(0, Infinity, true))).toBe('x ≥ 0');
    expect(formatRegion(iv(-Infinity, Infinity))).toBe('x');
  });
});

describe('propertiesTable', () => {
  const [relu, tanh] = parseOk(activationBlock, 'functions: ReLU, Tanh').functions;
  const reluProps: ActivationProperties = {
    range: [iv(0, Infinity, true)],
    slopeRange: [iv(0, 0, true, true), iv(1, 1, true, true)],
    zeroCentred: false,
    monotonic: true,
    peak: { value: 1, where: [iv(0, Infinity)] },
    saturation: [iv(-Infinity, 0, false, true)],
    kinks: [{ x: 0, df: 0, jump: false }],
    gain: Math.SQRT2,
  };
  const tanhProps: ActivationProperties = {
    range: [iv(-1, 1)],
    slopeRange: [iv(0, 1, false, true)],
    zeroCentred: true,
    monotonic: false,
    peak: { value: 1, where: [], approached: [-Infinity, 3] },
    saturation: [],
    kinks: [{ x: 1, df: 0.5, jump: true }],
  };
  // Built in each test (not while the file loads), so a mutation run sees the code under test.
  let table: ReturnType<typeof propertiesTable>;
  beforeEach(() => {
    table = propertiesTable([relu, tanh], env().lang, [reluProps, tanhProps]);
  });

  it('one row of notation per function, under the translated heads', () => {
    expect(table.className).toBe('activation-lab-properties');
    expect(table.head).toHaveLength(9);
    expect(table.head[0]).toBe('Function');
    expect(table.rows).toEqual([
      ['ReLU', '[0, ∞)', '{0} ∪ {1}', '✗', '✓', '1 (x > 0)', 'x ≤ 0', 'x = 0: f′ = 0', '1.414'],
      ['Tanh', '(−1, 1)', '(0, 1]', '✓', '✗', '1 (x → −∞, x → 3)', '—', 'x = 1 (f jumps): f′ = 0.5', '—'],
    ]);
    expect(table.note).toBe(
      "Computed from f and PyTorch's f′. Zero-centred: f(0) = 0, both signs. Saturated: |f′| < 10 % of its largest |f′|.",
    );
  });

  it('an empty list of kinks is a dash', () => {
    const t = propertiesTable([tanh], 'en', [{ ...tanhProps, kinks: [] }]);
    expect(t.rows[0][7]).toBe('—');
  });
});

describe('csvOf', () => {
  it('writes numbers in full, non-finite ones empty, quotes text with a comma, quote or line break, CRLF ends', () => {
    expect(csvOf(['x', 'a,b', 'say "hi"', 'two\nlines', 'plain'], [[0.1 + 0.2, NaN, Infinity, -1e-300, 'c']])).toBe(
      'x,"a,b","say ""hi""","two\nlines",plain\r\n0.30000000000000004,,,-1e-300,c\r\n',
    );
    expect(csvOf([], [])).toBe('\r\n');
  });
});

describe('markLegend', () => {
  it('names each distinct band or marker meaning once, in drawing order; unnamed ones not at all', () => {
    const axis = { type: 'linear' as const, min: 0, max: 1 };
    const chart = (bands: LineChartModel['bands'], markers: LineChartModel['markers']): LineChartModel => ({
      x: axis,
      y: axis,
      lines: [],
      bands,
      markers,
      zeroAxes: false,
      description: '',
    });
    const entries = markLegend([
      chart(
        [
          { from: 0, to: 1, colorIndex: 0, label: 'a', legend: 'shaded' },
          { from: 0, to: 1, colorIndex: 1, label: 'b' },
          { from: 0, to: 1, colorIndex: 1, label: 'c', legend: 'shaded' },
        ],
        [
          { x: 0, y: 0, colorIndex: 0, shape: 'ring', legend: 'zero' },
          { x: 0, y: 0, colorIndex: 0, shape: 'dot', legend: 'zero' },
        ],
      ),
      chart([], [{ x: 0, y: 0, colorIndex: 0, shape: 'ring', legend: 'zero' }]),
    ]);
    expect(entries).toEqual([
      { label: 'shaded', mark: 'band' },
      { label: 'zero', mark: 'ring' },
      { label: 'zero', mark: 'dot' },
    ]);
  });
});
