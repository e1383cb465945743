/** Errors as values: the constructors' shapes, and failAll's line order (hand-built problems, expected order by eye). */
import { describe, expect, it } from 'vitest';
import { fail, failAll, ok, problemsOf, type Problem } from '../../src/core/result';

const at = (line: number | undefined, key: string): Problem =>
  line === undefined ? { code: 'unknownKey', args: { key } } : { code: 'unknownKey', args: { key }, line };

describe('result', () => {
  it('ok wraps a value, fail a problem with its line only when given', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('missingKey', { key: 'functions' })).toStrictEqual({
      ok: false,
      problem: { code: 'missingKey', args: { key: 'functions' } },
    });
    expect(fail('missingKey', { key: 'x' }, 4)).toStrictEqual({
      ok: false,
      problem: { code: 'missingKey', args: { key: 'x' }, line: 4 },
    });
    // Line 0 is a line (falsy, but given).
    expect(fail('missingKey', { key: 'x' }, 0)).toMatchObject({ problem: { line: 0 } });
  });

  it('failAll lists every problem in line order, the first one as `problem`, problems without a line first', () => {
    const r = failAll([at(7, 'g'), at(2, 'b'), at(undefined, 'none'), at(11, 'k'), at(2, 'b2'), at(5, 'e')]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // By hand: no line counts as 0; equal lines keep their written order (Array.prototype.sort is stable).
    expect(problemsOf(r).map((p) => p.args.key)).toEqual(['none', 'b', 'b2', 'e', 'g', 'k']);
    expect(r.problem.args.key).toBe('none');
  });

  it('failAll leaves the caller’s array as it was', () => {
    const given = [at(9, 'late'), at(1, 'early')];
    failAll(given);
    expect(given.map((p) => p.args.key)).toEqual(['late', 'early']);
  });

  it('problemsOf gives the list when there is one, else the single problem', () => {
    expect(problemsOf({ problem: at(1, 'a') })).toEqual([at(1, 'a')]);
    expect(problemsOf({ problem: at(1, 'a'), problems: [at(1, 'a'), at(3, 'c')] })).toEqual([at(1, 'a'), at(3, 'c')]);
  });
});
