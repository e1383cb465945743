/**
 * The note's own formulas on an ```activation chart: each recognised formula of the linked sections as a line
 * in the note's notation (f solid, f′ dashed), shading where it differs from torch or no case applies, and the
 * findings as the one-line summary under the chart.
 */
import type { BandModel, LineModel } from './line-chart-model';
import { checkNote, type FormulaFinding } from '../core/latex/check-note';
import { sampleGrid } from '../core/plot/sampling';
import { t, type Lang } from '../i18n';
import { formulaMessage, VERDICT_MARK } from './formula-message';

/** The linked sections' texts (null: not found) read into findings over the block's x range. */
export function readFormulas(
  links: readonly string[],
  texts: readonly (string | null)[],
  x: [number, number],
): (FormulaFinding | string)[] {
  return texts.flatMap((text, i): (FormulaFinding | string)[] => (text === null ? [links[i]] : checkNote(text, x)));
}

type Found = readonly (FormulaFinding | string)[];
type Overlay = { lines: LineModel[]; bands: BandModel[]; summary: string };

/** The overlay of each `found` (read once per edit of the note), kept while the block's range and language hold. */
const overlays = new WeakMap<Found, { key: string; overlay: Overlay }>();

/**
 * Lines, bands and summary for `found` (a string is a link that was not found), colours from `firstColor` on.
 * A slider frame asks again with the same findings: they do not depend on the sliders, so the answer is reused.
 */
export function formulaOverlay(
  found: Found,
  x: [number, number],
  samples: number,
  firstColor: number,
  lang: Lang,
): Overlay {
  const key = `${x[0]} ${x[1]} ${samples} ${firstColor} ${lang}`;
  const hit = overlays.get(found);
  if (hit?.key === key) return hit.overlay;
  const overlay = buildOverlay(found, x, samples, firstColor, lang);
  overlays.set(found, { key, overlay });
  return overlay;
}

function buildOverlay(found: Found, x: [number, number], samples: number, firstColor: number, lang: Lang): Overlay {
  const lines: LineModel[] = [];
  const bands: BandModel[] = [];
  const summary: string[] = [];
  const legend = t(lang, 'formulas.band');
  found.forEach((f, k) => {
    if (typeof f === 'string') {
      summary.push(t(lang, 'formulas.noSection', { what: f }));
      return;
    }
    summary.push(`${VERDICT_MARK[f.verdict]} ${formulaMessage(f, lang, x)}`);
    const fn = f.fn?.();
    if (!fn || !f.comparison) return;
    const colorIndex = firstColor + k;
    const xs = sampleGrid(x, samples, fn.breaks);
    // NaN lifts the pen where no case applies.
    const y = xs.map((v) => fn.values(v)[0] ?? NaN);
    // Wide, and drawn under torch's lines: where the two coincide, torch's shows inside the note's.
    lines.push({ id: `note${k}`, label: f.notation, colorIndex, dashed: f.order === 1, width: 5, x: xs, y });
    for (const i of [...f.comparison.differs, ...f.comparison.undefined])
      bands.push({ from: i.from, to: i.to, colorIndex, label: `${VERDICT_MARK[f.verdict]} ${f.notation}`, legend });
  });
  return { lines, bands, summary: summary.join('\n') };
}
