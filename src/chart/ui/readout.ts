/** The hover read-out: x and the exact values of every curve at the pointer. */
import type { ReadoutRow } from '../../blocks/block-kind';
import type { Theme } from '../theme';

/** Shows rows for the pointer, or the idle hint when it leaves. */
export class Readout {
  private readonly el: HTMLElement;

  constructor(
    parent: HTMLElement,
    private readonly hint: string,
  ) {
    this.el = parent.createDiv({ cls: 'activation-lab-readout', attr: { 'aria-live': 'polite' } });
    this.clear();
  }

  /** Replaces the read-out with a heading and rows. */
  show(heading: string, rows: readonly ReadoutRow[], theme: Theme): void {
    this.el.empty();
    this.el.createSpan({ cls: 'activation-lab-readout-x', text: heading });
    for (const r of rows) {
      const item = this.el.createSpan({ cls: 'activation-lab-readout-row' });
      if (r.colorIndex !== undefined) {
        const sw = item.createSpan({ cls: r.dashed ? 'activation-lab-swatch is-dashed' : 'activation-lab-swatch' });
        sw.setCssProps({ '--activation-lab-swatch': theme.series[r.colorIndex % theme.series.length] });
      }
      item.createSpan({ text: `${r.label} = ${r.value}` });
    }
  }

  /** Back to the idle hint. */
  clear(): void {
    this.el.empty();
    this.el.createSpan({ cls: 'activation-lab-readout-hint', text: this.hint });
  }
}
