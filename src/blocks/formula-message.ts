/** A checked formula as one sentence in the reader's language: verdict, intervals, kinks, and f′ against the note's f. */
import type { Interval } from '../core/latex/check-formula';
import type { FormulaFinding } from '../core/latex/check-note';
import { formatNumber } from '../core/plot/format';
import { t, type Lang } from '../i18n';

const n = (x: number) => formatNumber(x, 4);

/** `(0, 1] ∪ [2, 3)`. */
export function formatIntervals(list: readonly Interval[]): string {
  return list.map((i) => `${i.fromOpen ? '(' : '['}${n(i.from)}, ${n(i.to)}${i.toOpen ? ')' : ']'}`).join(' ∪ ');
}

/** ✓ agrees, ✗ differs, ⚠ undefined, ? not understood. */
export const VERDICT_MARK = { agrees: '✓', differs: '✗', undefined: '⚠', unparsed: '?' } as const;

/** The finding in one line, e.g. "ReLU′(x) is undefined on (0, 1]: no case applies there; at x = 0: …". */
export function formulaMessage(f: FormulaFinding, lang: Lang, range: readonly [number, number]): string {
  const torch = f.name + (f.order ? '′' : '');
  const c = f.comparison;
  const base = { notation: f.notation, torch };
  if (!c) return t(lang, 'formulas.unparsed', { ...base, token: f.token ?? '' });
  const parts = [
    f.verdict === 'differs'
      ? t(lang, 'formulas.differs', { ...base, intervals: formatIntervals(c.differs), diff: n(c.maxAbsDiff) })
      : f.verdict === 'undefined'
        ? t(lang, 'formulas.undefined', { ...base, intervals: formatIntervals(c.undefined) })
        : t(lang, 'formulas.agrees', { ...base, from: n(range[0]), to: n(range[1]) }),
  ];
  if (f.verdict === 'differs' && c.undefined.length)
    parts.push(t(lang, 'formulas.undefined', { ...base, intervals: formatIntervals(c.undefined) }));
  for (const k of c.conventions) {
    const note = Number.isNaN(k.note) ? t(lang, 'formulas.undefinedValue') : n(k.note);
    parts.push(t(lang, 'formulas.convention', { x: n(k.x), note, torch: n(k.torch) }));
  }
  if (f.own) {
    parts.push(
      f.own.differs.length
        ? t(lang, 'formulas.ownDiffers', { f: f.own.notation, intervals: formatIntervals(f.own.differs) })
        : // Where no case applies there is nothing to compare, so agreement holds only where the formula is defined.
          t(lang, c.undefined.length ? 'formulas.ownAgreesWhereDefined' : 'formulas.ownAgrees', { f: f.own.notation }),
    );
  }
  return parts.join(lang === 'zh' ? '；' : '; ');
}
