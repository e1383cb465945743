/** Sliders, selects and buttons under a chart. They change the view only; nothing here writes to a note. */
import type { Control, SliderControl } from '../../blocks/block-kind';
import type { Listen } from './listen';
import { replaceText } from './text';

/** Called when the user moves a control. */
export type ControlListener = (id: string, value: number | string) => void;

/** Compact number for slider labels: up to 3 decimals (3 significant digits below 0.1), no trailing zeros. */
export function formatSliderValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Math.abs(v) < 0.1 ? Number(v.toPrecision(3)) : Number(v.toFixed(3)));
}

/** A log slider's track runs over log10 of the value, in steps of 1/100 of a decade. */
const LOG_STEP = 0.01;

/** A value off a log track, to two significant digits (0.01, 0.15, 0.0023), so the label reads like a value one would type. */
function fromLog(t: number): number {
  return Number(Math.pow(10, t).toPrecision(2));
}

function slider(row: HTMLElement, c: SliderControl, listen: Listen, onChange: ControlListener): (c: Control) => void {
  const log = c.scale === 'log';
  const track = (v: number) => String(log ? Math.log10(v) : v);
  const label = row.createEl('label', { cls: 'activation-lab-slider' });
  label.createSpan({ cls: 'activation-lab-control-name', text: c.label });
  const input = label.createEl('input', {
    type: 'range',
    attr: { min: track(c.min), max: track(c.max), step: log ? LOG_STEP : c.step, 'aria-label': c.label },
  });
  input.value = track(c.value);
  const out = label.createEl('output', { cls: 'activation-lab-slider-value', text: formatSliderValue(c.value) });
  input.setAttr('aria-valuetext', formatSliderValue(c.value));
  listen(input, 'input', () => {
    const v = log ? fromLog(Number(input.value)) : Number(input.value);
    const shown = formatSliderValue(v);
    replaceText(out, shown);
    input.setAttr('aria-valuetext', shown);
    onChange(c.id, v);
  });
  return (next) => {
    if (next.kind !== 'slider' || input.doc.activeElement === input) return;
    input.value = track(next.value);
    replaceText(out, formatSliderValue(next.value));
  };
}

/** Renders `controls` into `parent`; returns a function that syncs displayed values with a newer view. */
export function renderControls(
  parent: HTMLElement,
  controls: readonly Control[],
  listen: Listen,
  onChange: ControlListener,
): (next: readonly Control[]) => void {
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
