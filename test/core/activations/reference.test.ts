/**
 * Every case and every point of test/fixtures/reference/activations.json (PyTorch 1.13 autograd, float64):
 * |a − b| <= 1e-9 + 1e-7·|b| for f and df. Prints the worst error of each case.
 */
import process from 'node:process';
import { afterAll, describe, expect, it } from 'vitest';
import { bindActivation } from '../../../src/core/activations';
import { closeTo, readReference, refNumber } from '../../helpers/reference';

type RefValue = number | string | null;
type Case = { name: string; params: Record<string, number | string>; x: RefValue[]; f: RefValue[]; df: RefValue[] };

const ABS = 1e-9;
const REL = 1e-7;
const ref = readReference<{ torch_version: string; dtype: string; cases: Case[] }>('activations.json');
const worst: Record<string, string> = {};

/** Largest |a − b| and |a − b|/|b| (over b ≠ 0) across paired values. */
function errors(got: number[], want: number[]): { abs: number; rel: number } {
  let abs = 0;
  let rel = 0;
  got.forEach((a, i) => {
    const b = want[i];
    if (!Number.isFinite(b)) return;
    const e = Math.abs(a - b);
    abs = Math.max(abs, e);
    if (b !== 0) rel = Math.max(rel, e / Math.abs(b));
  });
  return { abs, rel };
}

describe('activations.json (PyTorch reference)', () => {
  it('is the float64 torch file we expect', () => {
    expect(ref.dtype).toBe('float64');
    expect(ref.cases.length).toBeGreaterThanOrEqual(36);
  });

  it.each(ref.cases.map((c) => [`${c.name}(${JSON.stringify(c.params)})`, c] as const))('%s', (label, c) => {
    const bound = bindActivation(c.name, c.params);
    if (!bound.ok) throw new Error(`${label}: ${JSON.stringify(bound.problem)}`);
    const act = bound.value;
    const xs = c.x.map(refNumber);
    const wantF = c.f.map(refNumber);
    const wantDf = c.df.map(refNumber);
    const gotF = xs.map((x) => act.f(x));
    const gotDf = xs.map((x) => act.df(x));
    const bad = xs.flatMap((x, i) => {
      const out: string[] = [];
      if (!closeTo(gotF[i], wantF[i], ABS, REL)) out.push(`f(${x}) = ${gotF[i]}, torch ${wantF[i]}`);
      if (!closeTo(gotDf[i], wantDf[i], ABS, REL)) out.push(`df(${x}) = ${gotDf[i]}, torch ${wantDf[i]}`);
      return out;
    });
    const ef = errors(gotF, wantF);
    const ed = errors(gotDf, wantDf);
    worst[label] =
      `f abs ${ef.abs.toExponential(1)} rel ${ef.rel.toExponential(1)} | df abs ${ed.abs.toExponential(1)} rel ${ed.rel.toExponential(1)}`;
    expect(bad).toEqual([]);
  });

  afterAll(() => {
    const width = Math.max(...Object.keys(worst).map((k) => k.length));
    const lines = Object.entries(worst).map(([k, v]) => `${k.padEnd(width)}  ${v}`);
    process.stdout.write(`worst error per case vs torch ${ref.torch_version}:\n${lines.join('\n')}\n`);
  });
});

describe('Hardswish at exactly ±3 (not in the file: torch versions disagree)', () => {
  it('follows current PyTorch: f(−3) = 0, f′(−3) = 0, f(3) = 3, f′(3) = 1', () => {
    const h = bindActivation('Hardswish');
    if (!h.ok) throw new Error('Hardswish missing');
    expect(h.value.f(-3) === 0).toBe(true); // −0, like torch's −3·0/6
    expect(h.value.df(-3)).toBe(0);
    expect(h.value.f(3)).toBe(3);
    expect(h.value.df(3)).toBe(1);
  });
});
