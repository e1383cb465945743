/**
 * compare() on hand-made functions whose differences are known on paper: tolerance boundaries, intervals and their
 * open ends, conventions at kinks, the grid's resolution, and comparisons in a row sharing the module's buffers.
 */
import { describe, expect, it } from 'vitest';
import { APPROX_TOLERANCE, compare, TOLERANCE } from '../../../src/core/latex/check-formula';

type Note = Parameters<typeof compare>[0];
/** A note function of one value per x. */
const note = (f: (x: number) => number, breaks: number[] = [], cost = 0): Note => ({
  values: (x) => [f(x)],
  breaks,
  cost,
});
const zero = (_x: number) => 0;
const R: [number, number] = [-6, 6];

describe('compare', () => {
  it('accepts a difference of exactly the tolerance, absolute below |torch| = 1 and relative above', () => {
    // |0.001 − 0| = 0.001 = TOLERANCE · max(1, 0): within.
    expect(
      compare(
        note(() => TOLERANCE),
        zero,
        R,
        [],
      ).differs,
    ).toEqual([]);
    // torch 100, note 100.05: 0.05 ≤ 10⁻³ · 100 = 0.1.
    expect(
      compare(
        note(() => 100.05),
        () => 100,
        R,
        [],
      ).differs,
    ).toEqual([]);
    // 0.002 away from 0 is outside: differs on the whole range, by 0.002.
    const c = compare(
      note(() => 0.002),
      zero,
      R,
      [],
    );
    expect(c.differs).toEqual([{ from: -6, to: 6, fromOpen: false, toOpen: false }]);
    expect(c.maxAbsDiff).toBeCloseTo(0.002, 15);
  });

  it('takes the ≈ tolerance only when asked', () => {
    const off = note(() => 0.01);
    expect(compare(off, zero, R, []).differs).toHaveLength(1);
    expect(compare(off, zero, R, [], true).differs).toEqual([]);
    expect(
      compare(
        note(() => APPROX_TOLERANCE * 2),
        zero,
        R,
        [],
        true,
      ).differs,
    ).toHaveLength(1);
  });

  it('counts two equal infinities as agreeing', () => {
    const inf = (x: number) => (x > 5 ? Infinity : 0);
    const c = compare(note(inf), inf, R, []);
    expect(c.differs).toEqual([]);
    expect(c.maxAbsDiff).toBe(0);
  });

  it('finds where a note differs, with open ends where the difference starts between grid points', () => {
    // Off by 1 on (0.5, 1] exactly: the run starts between grid points (open at 0.5) and ends at the point 1.
    const c = compare(
      note((x) => (x > 0.5 && x <= 1 ? 1 : 0), [1]),
      zero,
      R,
      [],
    );
    expect(c.differs).toHaveLength(1);
    expect(c.differs[0].from).toBeCloseTo(0.5, 12);
    expect(c.differs[0].to).toBe(1);
    expect([c.differs[0].fromOpen, c.differs[0].toOpen]).toEqual([true, false]);
    expect(c.maxAbsDiff).toBe(1);
  });

  it('reports a point where any applying case is undefined as undefined, not as a difference', () => {
    // Two cases apply for x > 0, one of them undefined there.
    const c = compare({ values: (x) => (x > 0 ? [NaN, 0] : [0]), breaks: [], cost: 0 }, zero, R, []);
    expect(c.differs).toEqual([]);
    expect(c.undefined).toHaveLength(1);
    expect(c.undefined[0].to).toBe(6);
  });

  it('reports conventions inside the range only, ends included, with the note’s value (NaN where it has none)', () => {
    const c = compare(
      note(() => 1),
      zero,
      R,
      [-6, 0, 6, 10],
    );
    expect(c.conventions).toEqual([
      { x: -6, note: 1, torch: 0 },
      { x: 0, note: 1, torch: 0 },
      { x: 6, note: 1, torch: 0 },
    ]);
    const none = compare({ values: () => [], breaks: [], cost: 0 }, zero, [-1, 1], [0]);
    expect(none.conventions).toEqual([{ x: 0, note: NaN, torch: 0 }]);
  });

  it('looks only inside the range, whatever breaks the note has outside it', () => {
    // Off by 1 from x = 10 on, a case boundary there: nothing to report on [−6, 6].
    expect(
      compare(
        note((x) => (x >= 10 ? 1 : 0), [10, -10]),
        zero,
        R,
        [],
      ).differs,
    ).toEqual([]);
  });

  it('does not judge a convention point between grid points, and splits the difference there', () => {
    // Off by 1 on |x − 0.005| < 0.1; 0.005 lies between grid points (multiples of 0.03 from −6) and is a kink.
    const c = compare(
      note((x) => (Math.abs(x - 0.005) < 0.1 ? 1 : 0)),
      zero,
      R,
      [0.005],
    );
    expect(c.differs.map((d) => [d.from, d.to])).toEqual([
      [expect.closeTo(-0.095, 9), 0.005],
      [0.005, expect.closeTo(0.105, 9)],
    ]);
    expect(c.differs.map((d) => [d.fromOpen, d.toOpen])).toEqual([
      [true, true],
      [true, true],
    ]);
  });

  it('samples 400 steps for formulas of cost up to 400 and 100 above: a difference narrower than a step may be missed', () => {
    // Off on [0.025, 0.035] only: it holds the grid point 0.03 of the 400-step grid (spacing 0.03), none of the
    // 100-step grid (spacing 0.12: …, 0, 0.12, …).
    const narrow = (cost: number) => note((x) => (x >= 0.025 && x <= 0.035 ? 1 : 0), [], cost);
    expect(compare(narrow(400), zero, R, []).differs).toHaveLength(1);
    expect(compare(narrow(401), zero, R, []).differs).toEqual([]);
    // The cached 100-step grid is not reused for a cheap formula on the same range.
    expect(compare(narrow(0), zero, R, []).differs).toHaveLength(1);
  });

  it('uses the grid of its own range when the same torch function was compared on another', () => {
    const torch = (x: number) => x;
    // Off by 1 where x > 0.9: to the end of each range.
    const late = note((x) => (x > 0.9 ? x + 1 : x));
    for (const range of [R, [0, 1], [-6, 2], [-1, 6]] as [number, number][]) {
      const [d] = compare(late, torch, range, []).differs;
      expect(d.from).toBeCloseTo(0.9, 12);
      expect([d.to, d.toOpen]).toEqual([range[1], false]);
    }
    // Off by 1 where x < −0.5: from the start of each range.
    const early = note((x) => (x < -0.5 ? x + 1 : x));
    for (const range of [R, [-1, 6], [-3, 6]] as [number, number][]) {
      const [d] = compare(early, torch, range, []).differs;
      expect([d.from, d.fromOpen]).toEqual([range[0], false]);
      expect(d.to).toBeCloseTo(-0.5, 12);
    }
  });

  it('ends a run at the range’s end after a comparison with more points (shared buffers hold its leftovers)', () => {
    const breaks = Array.from({ length: 50 }, (_, k) => 0.001 + k / 10);
    compare(
      note((x) => x + 5, breaks),
      zero,
      R,
      [],
    );
    const c = compare(
      note((x) => (x > 3 ? 1 : 0)),
      zero,
      R,
      [],
    );
    expect(c.differs).toHaveLength(1);
    expect(c.differs[0].from).toBeCloseTo(3, 12);
    expect([c.differs[0].to, c.differs[0].toOpen]).toEqual([6, false]);
  });

  it('lists at most 16 intervals', () => {
    // 1 where ⌊x⌋ is even: off on [2k, 2k + 1) for k = −3…2 and at the point 6 (7 intervals on [−6, 6]); 41 on [−40, 40].
    const steps = note((x) => (Math.floor(x) % 2 === 0 ? 1 : 0));
    expect(compare(steps, zero, R, []).differs).toHaveLength(7);
    expect(compare(steps, zero, [-40, 40], []).differs).toHaveLength(16);
  });
});
