/** A DOM legend (cheaper than Chart.js's canvas legend and readable by screen readers). */
import type { LegendEntry } from '../../blocks/block-kind';
import type { Theme } from '../theme';

/** Renders one swatch + label per entry. */
export function renderLegend(parent: HTMLElement, entries: readonly LegendEntry[], theme: Theme): void {
  if (entries.length === 0) return;
  const list = parent.createEl('ul', { cls: 'activation-lab-legend' });
  for (const e of entries) {
    const item = list.createEl('li');
    const swatch = item.createSpan({ cls: e.dashed ? 'activation-lab-swatch is-dashed' : 'activation-lab-swatch' });
    swatch.setCssProps({ '--activation-lab-swatch': theme.series[e.colorIndex % theme.series.length] });
    item.createSpan({ text: e.label });
  }
}

/** Changes the labels of an already rendered legend in place; false when the entries no longer line up. */
export function relabelLegend(parent: HTMLElement, before: readonly LegendEntry[], after: readonly LegendEntry[]): boolean {
  if (before.length !== after.length || before.some((e, i) => e.colorIndex !== after[i].colorIndex || e.dashed !== after[i].dashed)) return false;
  const items = parent.querySelectorAll('.activation-lab-legend li');
  if (items.length !== after.length) return false;
  after.forEach((e, i) => {
    if (e.label !== before[i].label) items[i].lastElementChild?.setText(e.label);
  });
  return true;
}
