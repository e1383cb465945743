/** A DOM legend (cheaper than Chart.js's canvas legend and readable by screen readers). */
import type { LegendEntry } from '../../blocks/block-kind';
import type { KeyedLabel } from '../plugins/labels';
import type { Theme } from '../theme';
import { replaceText } from './text';

/** The swatch's classes: its mark, dashed and faint as the chart draws them. */
function swatchClasses(e: LegendEntry): string {
  const mark = e.mark ?? 'line';
  return [
    'activation-lab-swatch',
    `is-${mark}`,
    e.dashed ? 'is-dashed' : '',
    e.faint ? 'is-faint' : '',
    e.colorIndex === undefined ? 'is-neutral' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Each rendered legend's label elements, by the element it was rendered into: a slider frame relabels without a DOM query. */
const labelsOf = new WeakMap<HTMLElement, HTMLElement[]>();

/** Renders one swatch + label per entry. */
export function renderLegend(parent: HTMLElement, entries: readonly LegendEntry[], theme: Theme): void {
  const labels: HTMLElement[] = [];
  labelsOf.set(parent, labels);
  if (entries.length === 0) return;
  const list = parent.createEl('ul', { cls: 'activation-lab-legend' });
  for (const e of entries) {
    const item = list.createEl('li');
    const swatch = item.createSpan({ cls: swatchClasses(e), attr: { 'aria-hidden': 'true' } });
    if (e.colorIndex !== undefined)
      swatch.setCssProps({ '--activation-lab-swatch': theme.series[e.colorIndex % theme.series.length] });
    labels.push(item.createSpan({ text: e.label }));
  }
}

/** Same swatches in the same order: only labels may differ. */
function sameSwatches(a: LegendEntry, b: LegendEntry): boolean {
  return a.colorIndex === b.colorIndex && a.mark === b.mark && !a.dashed === !b.dashed && !a.faint === !b.faint;
}

/** Changes the labels of an already rendered legend in place; false when the entries no longer line up. */
export function relabelLegend(
  parent: HTMLElement,
  before: readonly LegendEntry[],
  after: readonly LegendEntry[],
): boolean {
  if (before.length !== after.length || before.some((e, i) => !sameSwatches(e, after[i]))) return false;
  const labels = labelsOf.get(parent);
  if (labels?.length !== after.length || labels.some((l) => l.parentElement?.parentElement?.parentElement !== parent))
    return false;
  after.forEach((e, i) => {
    if (e.label !== before[i].label) replaceText(labels[i], e.label);
  });
  return true;
}

/** The key of labels that found no free spot on their chart: "[n] label", numbered as on the chart, in the label's colour. */
export function renderKey(parent: HTMLElement, keyed: readonly (readonly KeyedLabel[])[], theme: Theme): void {
  const all = keyed.flatMap((labels) => labels.map((k, i) => ({ ...k, n: i + 1 })));
  if (all.length === 0) return;
  const list = parent.createEl('ul', { cls: 'activation-lab-legend activation-lab-key' });
  for (const k of all) {
    const item = list.createEl('li');
    const badge = item.createSpan({ cls: 'activation-lab-key-number', text: `[${k.n}]` });
    badge.setCssProps({ '--activation-lab-swatch': theme.series[k.colorIndex % theme.series.length] });
    item.createSpan({ text: k.text });
  }
}
