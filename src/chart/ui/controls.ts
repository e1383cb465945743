/** Sliders, selects and buttons under a chart. They change the view only; nothing here writes to a note. */
import type { Control, SliderControl } from '../../blocks/block-kind';
import type { Listen } from './listen';

/** Called when the user moves a control. */
export type ControlListener = (id: string, value: number | string) => void;

/** Compact number for slider labels: up to 3 decimals, no trailing zeros. */
export function formatSliderValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(3)));
}

function slider(row: HTMLElement, c: SliderControl, listen: Listen, onChange: ControlListener): (c: Control) => void {
  const label = row.createEl('label', { cls: 'activation-lab-slider' });
  label.createSpan({ cls: 'activation-lab-control-name', text: c.label });
  const input = label.createEl('input', {
    type: 'range',
    attr: { min: c.min, max: c.max, step: c.step, 'aria-label': c.label },
  });
  input.value = String(c.value);
  const out = label.createEl('output', { cls: 'activation-lab-slider-value', text: formatSliderValue(c.value) });
  listen(input, 'input', () => {
    const v = Number(input.value);
    out.setText(formatSliderValue(v));
    onChange(c.id, v);
  });
  return (next) => {
    if (next.kind !== 'slider' || activeDocument.activeElement === input) return;
    input.value = String(next.value);
    out.setText(formatSliderValue(next.value));
  };
}

/** Renders `controls` into `parent`; returns a function that syncs displayed values with a newer view. */
export function renderControls(parent: HTMLElement, controls: readonly Control[], listen: Listen, onChange: ControlListener): (next: readonly Control[]) => void {
  const syncers = new Map<string, (c: Control) => void>();
  if (controls.length === 0) return () => undefined;
  const row = parent.createDiv({ cls: 'activation-lab-controls' });
  for (const c of controls) {
    if (c.kind === 'slider') {
      syncers.set(c.id, slider(row, c, listen, onChange));
    } else if (c.kind === 'select') {
      const label = row.createEl('label', { cls: 'activation-lab-select' });
      label.createSpan({ cls: 'activation-lab-control-name', text: c.label });
      const select = label.createEl('select', { cls: 'dropdown', attr: { 'aria-label': c.label } });
      for (const o of c.options) select.createEl('option', { value: o.value, text: o.label });
      select.value = c.value;
      listen(select, 'change', () => onChange(c.id, select.value));
    } else {
      const button = row.createEl('button', { cls: 'activation-lab-button', text: c.label });
      listen(button, 'click', () => onChange(c.id, 0));
    }
  }
  return (next) => {
    for (const c of next) syncers.get(c.id)?.(c);
  };
}
