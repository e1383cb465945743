import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erf, erfc } from '../../../src/core/numeric/erf';
import { readReference, refNumber } from '../../helpers/reference';

// Values of erf(x) and erfc(x) to 17 significant digits, computed with mpmath 1.3.0 at mp.dps = 50
// (mpmath.nstr(mpmath.erf(mpmath.mpf(x)), 17)); x is given as the decimal string mpmath received.
const ERF: [string, string][] = [
  ['1e-10', '1.1283791670955126e-10'],
  ['0.1', '1.1246291601828489e-1'],
  ['0.5', '5.2049987781304654e-1'],
  ['0.8', '7.4210096470766049e-1'],
  ['1', '8.4270079294971487e-1'],
  ['1.2', '9.1031397822963538e-1'],
  ['1.5', '9.6610514647531073e-1'],
  ['2', '9.9532226501895273e-1'],
  ['2.5', '9.9959304798255504e-1'],
  ['3', '9.9997790950300141e-1'],
  ['4', '9.999999845827421e-1'],
  ['5.5', '9.9999999999999264e-1'],
  ['-0.3', '-3.2862675945912743e-1'],
  ['-2', '-9.9532226501895273e-1'],
];
const ERFC: [string, string][] = [
  ['0.001', '9.9887162120903076e-1'],
  ['0.1', '8.8753708398171511e-1'],
  ['0.3', '6.7137324054087257e-1'],
  ['0.9', '2.0309178757716787e-1'],
  ['1', '1.5729920705028513e-1'],
  ['2', '4.6777349810472658e-3'],
  ['3', '2.2090496998585441e-5'],
  ['5', '1.5374597944280349e-12'],
  ['10', '2.0884875837625448e-45'],
  ['15', '7.2129941724512067e-100'],
  ['20', '5.3958656116079009e-176'],
  ['26', '5.6631924088561428e-296'],
  ['-1', '1.8427007929497149'],
  ['-3', '1.9999779095030014'],
];

const REL = 1e-15;
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('erf and erfc against mpmath', () => {
  it.each(ERF)('erf(%s) = %s', (x, want) => {
    expect(relErr(erf(Number(x)), Number(want))).toBeLessThanOrEqual(REL);
  });
  it.each(ERFC)('erfc(%s) = %s', (x, want) => {
    expect(relErr(erfc(Number(x)), Number(want))).toBeLessThanOrEqual(REL);
  });
});

describe('erf and erfc special values and identities', () => {
  it('handles 0, ±∞, NaN and the far tails', () => {
    expect(erf(0)).toBe(0);
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(0)).toBe(1);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
    expect(erf(1e308)).toBe(1);
  });

  it('is odd (erf) and reflects (erfc(−x) = 2 − erfc(x))', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(erf(-x)).toBe(-erf(x));
        expect(Math.abs(erfc(-x) - (2 - erfc(x)))).toBeLessThanOrEqual(4e-16);
      }),
    );
  });

  it('erf + erfc = 1 and erf is non-decreasing', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, h) => {
        expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThanOrEqual(4e-16);
        expect(erf(x + h)).toBeGreaterThanOrEqual(erf(x));
      }),
    );
  });

  it("reproduces torch's exact GELU, x·½(1 + erf(x/√2)), on the reference points", () => {
    type Case = { name: string; params: Record<string, unknown>; x: number[]; f: (number | string | null)[] };
    const ref = readReference<{ cases: Case[] }>('activations.json');
    const c = ref.cases.find((k) => k.name === 'GELU' && Object.keys(k.params).length === 0)!;
    c.x.forEach((x, i) => {
      const want = refNumber(c.f[i]);
      const got = x * 0.5 * (1 + erf(x * Math.SQRT1_2));
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-15 + 1e-15 * Math.abs(want));
    });
  });
});
