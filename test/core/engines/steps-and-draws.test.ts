/** The small helpers every engine shares: running steps, mapping their progress, seeded grids and count checks. */
import { describe, expect, it } from 'vitest';
import { runToEnd, within, type Steps } from '../../../src/core/engines/steps';
import { checkCount, rows } from '../../../src/core/engines/seeded-draw';

function* three(): Steps<string> {
  yield 0;
  yield 0.5;
  yield 1;
  return 'done';
}

describe('steps', () => {
  it('runToEnd gives the result after every step', () => {
    expect(runToEnd(three())).toBe('done');
  });

  it('within maps each progress onto [from, to] and passes the result through', () => {
    const mapped = within(three(), 0.25, 0.75); // exact in binary: no rounding to mirror
    const seen: number[] = [];
    let next = mapped.next();
    for (; !next.done; next = mapped.next()) seen.push(next.value);
    expect(seen).toEqual([0.25, 0.5, 0.75]);
    expect(next.value).toBe('done');
  });
});

describe('seeded draws', () => {
  it('rows fills a rows × cols grid row by row from the draw', () => {
    let n = 0;
    expect(rows(2, 3, () => n++)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  it('checkCount refuses anything but a positive integer, naming the key', () => {
    expect(() => checkCount('demo', { points: 1, width: 8 })).not.toThrow();
    for (const bad of [0, -1, 1.5, NaN, Infinity])
      expect(() => checkCount('demo', { points: 4, width: bad })).toThrow(
        `demo: width must be a positive integer, got ${bad}`,
      );
  });
});
