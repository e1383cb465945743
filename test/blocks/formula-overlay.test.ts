/**
 * The note's formulas on an ```activation chart, from hand-made findings: the sentence per finding (verdict,
 * intervals, conventions, f′ against the note's f, en and zh), the lines drawn in the note's notation, the shaded
 * intervals, and the links that were not found.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { formatIntervals, formulaMessage } from '../../src/blocks/formula-message';
import { formulaOverlay, readFormulas } from '../../src/blocks/formula-lines';
import type { FormulaFinding } from '../../src/core/latex/check-note';
import type { Comparison, Interval } from '../../src/core/latex/check-formula';

const iv = (from: number, to: number, fromOpen = false, toOpen = false): Interval => ({ from, to, fromOpen, toOpen });
const comparison = (c: Partial<Comparison> = {}): Comparison => ({
  differs: [],
  undefined: [],
  maxAbsDiff: 0,
  conventions: [],
  ...c,
});
const finding = (f: Partial<FormulaFinding>): FormulaFinding => ({
  line: 1,
  name: 'ReLU',
  order: 0,
  notation: 'ReLU(x)',
  verdict: 'agrees',
  comparison: comparison(),
  ...f,
});

describe('formatIntervals', () => {
  it('brackets each end as open or closed and joins with ∪', () => {
    expect(formatIntervals([iv(0, 1, true, false), iv(2, 3, false, true)])).toBe('(0, 1] ∪ [2, 3)');
    expect(formatIntervals([iv(-1.23456, 0)])).toBe('[−1.235, 0]');
    expect(formatIntervals([])).toBe('');
  });
});

describe('formulaMessage', () => {
  const range = [-2, 2] as const;

  it('agrees on the block’s range; names f′ with a prime', () => {
    expect(formulaMessage(finding({}), 'en', range)).toBe("ReLU(x) agrees with torch's ReLU on [−2, 2]");
    expect(formulaMessage(finding({ order: 1, notation: "ReLU'(x)" }), 'en', range)).toBe(
      "ReLU'(x) agrees with torch's ReLU′ on [−2, 2]",
    );
  });

  it('differs: where and by how much, and where it is also undefined', () => {
    const f = finding({
      verdict: 'differs',
      comparison: comparison({ differs: [iv(0, 2, true)], undefined: [iv(-2, -1)], maxAbsDiff: 1.5 }),
    });
    expect(formulaMessage(f, 'en', range)).toBe(
      "ReLU(x) differs from torch's ReLU on (0, 2], by up to 1.5; ReLU(x) is undefined on [−2, −1]: no case applies there",
    );
    expect(formulaMessage(f, 'zh', range)).toBe(
      'ReLU(x) 在 (0, 2] 上与 torch 的 ReLU 不同，最大相差 1.5；ReLU(x) 在 [−2, −1] 上无定义：没有任何一段适用',
    );
    const only = finding({ verdict: 'differs', comparison: comparison({ differs: [iv(0, 2)], maxAbsDiff: 2 }) });
    expect(formulaMessage(only, 'en', range)).toBe("ReLU(x) differs from torch's ReLU on [0, 2], by up to 2");
  });

  it('undefined: where no case applies', () => {
    const f = finding({ verdict: 'undefined', comparison: comparison({ undefined: [iv(0, 1, true)] }) });
    expect(formulaMessage(f, 'en', range)).toBe('ReLU(x) is undefined on (0, 1]: no case applies there');
  });

  it('not understood: the token the reader stopped at', () => {
    const f = finding({ verdict: 'unparsed', comparison: undefined, token: 'k' });
    expect(formulaMessage(f, 'en', range)).toBe('ReLU(x): not understood: k');
    expect(formulaMessage({ ...f, token: undefined }, 'en', range)).toBe('ReLU(x): not understood: ');
  });

  it('a convention at a kink, an undefined one too', () => {
    const f = finding({
      order: 1,
      notation: 'ReLU′(x)',
      comparison: comparison({
        conventions: [
          { x: 0, note: 1, torch: 0 },
          { x: 0.5, note: NaN, torch: 1 },
        ],
      }),
    });
    expect(formulaMessage(f, 'en', range)).toBe(
      "ReLU′(x) agrees with torch's ReLU′ on [−2, 2]; at x = 0: the note gives 1, torch 0 (a convention); " +
        'at x = 0.5: the note gives undefined, torch 1 (a convention)',
    );
    expect(formulaMessage(f, 'zh', range)).toContain('在 x = 0.5 处：笔记取 无定义，torch 取 1（约定）');
  });

  it("f′ against the note's own f: differs, agrees, or agrees where defined", () => {
    const base = { order: 1 as const, notation: 'ReLU′(x)' };
    const differs = finding({ ...base, own: { notation: 'ReLU(x)', differs: [iv(1, 2)] } });
    expect(formulaMessage(differs, 'en', range)).toMatch(
      /; differs from the derivative of the note's ReLU\(x\) on \[1, 2\]$/,
    );
    const agrees = finding({ ...base, own: { notation: 'ReLU(x)', differs: [] } });
    expect(formulaMessage(agrees, 'en', range)).toMatch(/; matches the derivative of the note's ReLU\(x\)$/);
    const whereDefined = finding({
      ...base,
      verdict: 'undefined',
      comparison: comparison({ undefined: [iv(0, 1, true)] }),
      own: { notation: 'ReLU(x)', differs: [] },
    });
    expect(formulaMessage(whereDefined, 'en', range)).toMatch(
      /; matches the derivative of the note's ReLU\(x\) wherever it is defined$/,
    );
  });
});

describe('readFormulas', () => {
  it('keeps a link that was not found as its text, and reads the others', () => {
    const found = readFormulas(['[[#A]]', '[[#B]]'], [null, '## ReLU\n$ReLU(x) = \\max(0, x)$'], [-2, 2]);
    expect(found[0]).toBe('[[#A]]');
    expect(found).toHaveLength(2);
    expect(found[1]).toMatchObject({ name: 'ReLU', order: 0, verdict: 'agrees' });
  });
});

describe('formulaOverlay', () => {
  // A formula with two cases: x for x < 0, none for 0 ≤ x < 1 (undefined there), 2 for x ≥ 1.
  const fn = () => ({
    values: (x: number) => (x < 0 ? [x] : x >= 1 ? [2] : []),
    slope: () => 1,
    breaks: [0, 1],
    cost: 1,
  });
  const found = [
    '[[#Missing]]',
    finding({
      notation: 'g(x)',
      verdict: 'differs',
      comparison: comparison({ differs: [iv(1, 2)], undefined: [iv(0, 1, false, true)], maxAbsDiff: 1 }),
      fn,
    }),
    finding({ order: 1, notation: 'g′(x)', verdict: 'unparsed', comparison: undefined, token: '?' }),
    finding({ order: 1, notation: 'h′(x)', fn }),
  ];
  // Built in each test (not while the file loads), so a mutation run sees the code under test.
  let o: ReturnType<typeof formulaOverlay>;
  beforeEach(() => {
    o = formulaOverlay(found, [-2, 2], 5, 3, 'en');
  });

  it('draws each plottable formula wide, in the note’s notation, colours after the block’s functions', () => {
    expect(o.lines.map((l) => [l.id, l.label, l.colorIndex, l.dashed, l.width])).toEqual([
      ['note1', 'g(x)', 4, false, 5],
      ['note3', 'h′(x)', 6, true, 5],
    ]);
    // Five grid points −2, −1, 0, 1, 2 plus the breaks (already on it); no value where no case applies.
    expect(o.lines[0].x).toEqual([-2, -1, 0, 1, 2]);
    expect(o.lines[0].y).toEqual([-2, -1, NaN, 2, 2]);
  });

  it('shades where it differs and where it is undefined, marked with its verdict', () => {
    const legend = "shaded: where the note's formula differs from torch or is undefined";
    expect(o.bands).toEqual([
      { from: 1, to: 2, colorIndex: 4, label: '✗ g(x)', legend },
      { from: 0, to: 1, colorIndex: 4, label: '✗ g(x)', legend },
    ]);
  });

  it('says one line per finding, a missing link first as it was listed', () => {
    expect(o.summary.split('\n')).toEqual([
      'formulas: [[#Missing]] was not found',
      "✗ g(x) differs from torch's ReLU on [1, 2], by up to 1; g(x) is undefined on [0, 1): no case applies there",
      '? g′(x): not understood: ?',
      "✓ h′(x) agrees with torch's ReLU′ on [−2, 2]",
    ]);
    expect(formulaOverlay(['[[#X]]'], [-2, 2], 5, 0, 'zh').summary).toBe('formulas：找不到 [[#X]]');
  });

  it('answers again from the same findings at the same range, samples, colours and language only', () => {
    expect(formulaOverlay(found, [-2, 2], 5, 3, 'en')).toBe(o);
    for (const other of [
      formulaOverlay(found, [-2, 3], 5, 3, 'en'),
      formulaOverlay(found, [-1, 2], 5, 3, 'en'),
      formulaOverlay(found, [-2, 2], 9, 3, 'en'),
      formulaOverlay(found, [-2, 2], 5, 1, 'en'),
      formulaOverlay(found, [-2, 2], 5, 3, 'zh'),
    ])
      expect(other).not.toBe(o);
    expect(formulaOverlay(found, [-2, 2], 5, 1, 'en').lines[0].colorIndex).toBe(2);
    expect(formulaOverlay([], [-2, 2], 5, 0, 'en')).toEqual({ lines: [], bands: [], summary: '' });
  });
});
