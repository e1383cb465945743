/** A DOM legend (cheaper than Chart.js's canvas legend and readable by screen readers). */
import type { LegendEntry } from '../../blocks/block-kind';
import type { Theme } from '../theme';

/** Renders one swatch + label per entry. */
export function renderLegend(parent: HTMLElement, entries: readonly LegendEntry[], theme: Theme): void {
  if (entries.length === 0) return;
  const list = parent.createEl('ul', { cls: 'activation-lab-legend' });
  for (const e of entries) {
    const item = list.createEl('li');
    const swatch = item.createSpan({ cls: 'activation-lab-swatch' });
    swatch.setCssProps({ '--activation-lab-swatch': theme.series[e.colorIndex % theme.series.length] });
    item.createSpan({ text: e.label });
  }
}
