/**
 * solveSwitches on hand-made switches g(x) = a − b with known roots: Newton's method with the exact slope, the
 * acceptance tolerance, the search window, caps, order, and jumps taking precedence over kinks.
 */
import { describe, expect, it } from 'vitest';
import { solveSwitches, type Switch } from '../../../src/core/expression/kinks';

/** A switch with g and g′ given, f continuous (a kink) unless `jump`. */
const sw = (g: (x: number) => number, dg: (x: number) => number, jump = false): Switch => ({
  g,
  dg,
  jump: () => jump,
});
/** g(x) = x − r: a root at r, found in one Newton step from any start. */
const at = (r: number, jump = false) =>
  sw(
    (x) => x - r,
    () => 1,
    jump,
  );

describe('roots', () => {
  it('a linear switch: its root, once, whatever the start', () => {
    expect(solveSwitches([at(2)])).toEqual({ kinks: [2], jumps: [] });
  });

  it('x² − 2: both roots (start 0 has slope 0 and gives none)', () => {
    const r = solveSwitches([
      sw(
        (x) => x * x - 2,
        (x) => 2 * x,
      ),
    ]);
    expect(r.kinks).toHaveLength(2);
    expect(r.kinks[0]).toBeCloseTo(-Math.SQRT2, 15);
    expect(r.kinks[1]).toBeCloseTo(Math.SQRT2, 15);
  });

  it('a root exactly at a start is taken there, even where the slope is 0 (x²: 0)', () => {
    expect(
      solveSwitches([
        sw(
          (x) => x * x,
          (x) => 2 * x,
        ),
      ]).kinks,
    ).toContain(0);
  });

  it('no root: nothing, not undefined', () => {
    expect(
      solveSwitches([
        sw(
          (x) => x * x + 1,
          (x) => 2 * x,
        ),
      ]),
    ).toEqual({ kinks: [], jumps: [] });
  });

  it('the search stays within |x| ≤ 1e6: a root at 1e6 is found, one at 2e6 is not', () => {
    expect(solveSwitches([at(1e6)]).kinks).toEqual([1e6]);
    expect(solveSwitches([at(2e6)]).kinks).toEqual([]);
  });
});

describe('acceptance: |g| ≤ 1e-12·(1 + |x|) where Newton stops', () => {
  // g = |x − 1| + c: Newton oscillates between 1 − c and 1 + c, where g = 2c, against a tolerance of about 2e-12.
  const floor = (c: number) =>
    sw(
      (x) => Math.abs(x - 1) + c,
      (x) => (x > 1 ? 1 : -1),
    );

  it('2c = 8e-13 is within it: a kink next to 1', () => {
    const { kinks } = solveSwitches([floor(4e-13)]);
    expect(kinks.length).toBeGreaterThan(0);
    for (const k of kinks) expect(Math.abs(k - 1)).toBeLessThan(1e-12);
  });

  it('2c = 2e-11 is not', () => {
    expect(solveSwitches([floor(1e-11)]).kinks).toEqual([]);
  });
});

describe('the lists', () => {
  it('roots within 1e-12 of each other are one, the one where |g| is least', () => {
    // The floor switch stops at 1 ± 4e-13 with |g| = 8e-13; the linear one at 1 exactly with g = 0.
    const floor = sw(
      (x) => Math.abs(x - 1) + 4e-13,
      (x) => (x > 1 ? 1 : -1),
    );
    expect(solveSwitches([floor, at(1)]).kinks).toEqual([1]);
    expect(solveSwitches([at(1), floor]).kinks).toEqual([1]);
  });

  it('are sorted and hold each point once', () => {
    expect(solveSwitches([at(5), at(-3), at(0.5), at(5), at(-10)]).kinks).toEqual([-10, -3, 0.5, 5]);
  });

  it('a point where f jumps is a jump, not also a kink', () => {
    expect(solveSwitches([at(1), at(1, true), at(2, true), at(-1)])).toEqual({ kinks: [-1], jumps: [1, 2] });
  });

  it('read at most 64 switches', () => {
    const many = [...Array.from({ length: 64 }, () => at(0)), at(7)];
    expect(solveSwitches(many).kinks).toEqual([0]);
  });

  it('keep at most 32 points, the leftmost', () => {
    const many = Array.from({ length: 40 }, (_, i) => at(40 - i));
    expect(solveSwitches(many).kinks).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });
});
