/** The corpus of formulas in many authors' styles, each against its hand-derived verdict. */
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../../src/core/latex/check-note';
import { CORPUS } from './corpus';

describe('formula corpus', () => {
  it('holds at least 40 formulas, at least 12 of them deliberately wrong', () => {
    const findings = CORPUS.flatMap((c) => c.expect);
    expect(findings.length).toBeGreaterThanOrEqual(40);
    expect(CORPUS.filter((c) => c.mistake).length).toBeGreaterThanOrEqual(12);
    expect(new Set(CORPUS.map((c) => c.style))).toEqual(new Set(['cs231n', 'wikipedia', 'd2l', 'zh', 'en']));
  });

  it.each(CORPUS.map((c) => [c.mistake ?? c.md, c] as const))('%s', (_label, c) => {
    const found = checkNote(`# Notes\n## ${c.heading ?? 'Formulas'}\n${c.md}\n`);
    expect(found.map((f) => [f.name, f.order, f.verdict])).toEqual(c.expect.map((e) => [e.name, e.order, e.verdict]));
    c.expect.forEach((e, i) => {
      const f = found[i];
      expect(f.line).toBe(3);
      if (e.token !== undefined) expect(f.token).toBe(e.token);
      if (e.intervals) {
        const list = e.verdict === 'differs' ? f.comparison?.differs : f.comparison?.undefined;
        expect(list?.length).toBe(e.intervals.length);
        e.intervals.forEach(([from, to, fromOpen, toOpen], k) => {
          const got = list?.[k];
          expect(got?.from).toBeCloseTo(from, 6);
          expect(got?.to).toBeCloseTo(to, 6);
          expect([got?.fromOpen, got?.toOpen]).toEqual([fromOpen, toOpen]);
        });
      }
      if (e.maxAbsDiff !== undefined) expect(f.comparison?.maxAbsDiff).toBeCloseTo(e.maxAbsDiff, 6);
      if (e.ownAgrees !== undefined) {
        expect(f.own).toBeDefined();
        expect(f.own?.differs.length === 0).toBe(e.ownAgrees);
      }
    });
  });
});
