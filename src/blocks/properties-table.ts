/** The property table under an ```activation chart: computed facts per function, as plain text cells. */
import type { ActivationProperties, Interval } from '../core/activations/activation-properties';
import { formatNumber } from '../core/plot/format';
import { t, type Lang } from '../i18n';
import { activationLabel, type NamedActivation } from './activation-list';
import type { TableView } from './block-kind';

const num = (v: number): string => formatNumber(v, 4);

/** An interval in the usual notation: (0, 1), (0, 0.25], {0}. */
export function formatInterval(i: Interval): string {
  return i.lo === i.hi
    ? `{${num(i.lo)}}`
    : `${i.loClosed ? '[' : '('}${num(i.lo)}, ${num(i.hi)}${i.hiClosed ? ']' : ')'}`;
}

/** An x set as a condition: x > 0, −1 < x < 1, x = 1.414. */
export function formatRegion(i: Interval): string {
  if (i.lo === i.hi) return `x = ${num(i.lo)}`;
  const left = isFinite(i.lo) ? `${num(i.lo)} ${i.loClosed ? '≤' : '<'} ` : '';
  const right = isFinite(i.hi) ? ` ${i.hiClosed ? '≤' : '<'} ${num(i.hi)}` : '';
  // x ≥ 0 reads better than 0 ≤ x.
  return right || !left ? `${left}x${right}` : `x ${i.loClosed ? '≥' : '>'} ${num(i.lo)}`;
}

/**
 * The table of every function's properties `found` (by activationProperties: in a job, for the ```activation
 * block). Words only in the headings and the note: the cells are notation.
 */
export function propertiesTable(
  functions: readonly NamedActivation[],
  lang: Lang,
  found: readonly ActivationProperties[],
): TableView {
  const list = (items: string[]): string => items.join(t(lang, 'problem.listSeparator'));
  const rows = functions.map((a, i) => {
    const p = found[i];
    const where = p.peak.approached ? p.peak.approached.map((x) => `x → ${num(x)}`) : p.peak.where.map(formatRegion);
    return [
      activationLabel(a),
      p.range.map(formatInterval).join(' ∪ '),
      p.slopeRange.map(formatInterval).join(' ∪ '),
      p.zeroCentred ? '✓' : '✗',
      p.monotonic ? '✓' : '✗',
      `${num(p.peak.value)} (${list(where)})`,
      list(p.saturation.map(formatRegion)) || '—',
      list(
        p.kinks.map(
          (k) => `${k.jump ? t(lang, 'props.jump', { at: `x = ${num(k.x)}` }) : `x = ${num(k.x)}`}: f′ = ${num(k.df)}`,
        ),
      ) || '—',
      p.gain === undefined ? '—' : num(p.gain),
    ];
  });
  return {
    className: 'activation-lab-properties',
    head: t(lang, 'props.head').split('|'),
    rows,
    note: t(lang, 'props.note'),
  };
}
