/**
 * Imitates obsidian.d.ts `Setting`, its control components (Button, ExtraButton, Toggle, Text,
 * TextArea, Dropdown, Slider, ColorComponent) and `SettingTab`/`PluginSettingTab`, with Obsidian's
 * class names. User interaction = DOM events (click, input, change) on the component elements.
 * setValue never calls onChange, except ToggleComponent (Obsidian's toggle does, when the value changes).
 */
import { createElIn, setIcon } from './dom';
import { setTooltip } from './functions';
import type { Plugin } from './plugin';
import type { App } from './workspace';

/** Imitates obsidian.d.ts `BaseComponent`: disabled flag + then(). */
export class BaseComponent {
  /** Imitates `BaseComponent.disabled`. */
  disabled = false;
  /** Imitates `BaseComponent.then(cb)`. */
  then(cb: (component: this) => unknown): this {
    cb(this);
    return this;
  }
  /** Imitates `BaseComponent.setDisabled(disabled)`: also sets the element's disabled state. */
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    const el = this.controlEl();
    if (el) (el as HTMLInputElement).disabled = disabled;
    el?.classList.toggle('is-disabled', disabled);
    return this;
  }
  protected controlEl(): HTMLElement | null {
    return null;
  }
}

/** Imitates obsidian.d.ts `ButtonComponent` (`button` element). */
export class ButtonComponent extends BaseComponent {
  /** Imitates `ButtonComponent.buttonEl`. */ buttonEl: HTMLButtonElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.buttonEl = createElIn(containerEl, 'button');
  }
  protected controlEl(): HTMLElement {
    return this.buttonEl;
  }
  /** Imitates `setButtonText`. */
  setButtonText(name: string): this {
    this.buttonEl.textContent = name;
    return this;
  }
  /** Imitates `setCta` / `removeCta` (class mod-cta). */
  setCta(): this {
    this.buttonEl.classList.add('mod-cta');
    return this;
  }
  /** Imitates `ButtonComponent.removeCta`. */ removeCta(): this {
    this.buttonEl.classList.remove('mod-cta');
    return this;
  }
  /** Imitates `setWarning` (class mod-warning). */
  setWarning(): this {
    this.buttonEl.classList.add('mod-warning');
    return this;
  }
  /** Imitates `setIcon`. */
  setIcon(icon: string): this {
    setIcon(this.buttonEl, icon);
    return this;
  }
  /** Imitates `setTooltip`. */
  setTooltip(tooltip: string): this {
    setTooltip(this.buttonEl, tooltip);
    return this;
  }
  /** Imitates `setClass`. */
  setClass(cls: string): this {
    this.buttonEl.classList.add(cls);
    return this;
  }
  /** Imitates `onClick(cb)`: runs on a click unless disabled. */
  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.buttonEl.addEventListener('click', (evt) => {
      if (!this.disabled) callback(evt);
    });
    return this;
  }
}

/** Imitates obsidian.d.ts `ExtraButtonComponent` (`div.clickable-icon.extra-setting-button`). */
export class ExtraButtonComponent extends BaseComponent {
  /** Imitates `ExtraButtonComponent.extraSettingsEl`. */ extraSettingsEl: HTMLElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.extraSettingsEl = createElIn(containerEl, 'div', 'clickable-icon extra-setting-button');
  }
  protected controlEl(): HTMLElement {
    return this.extraSettingsEl;
  }
  /** Imitates `setIcon` / `setTooltip`. */
  setIcon(icon: string): this {
    setIcon(this.extraSettingsEl, icon);
    return this;
  }
  /** Imitates `ExtraButtonComponent.setTooltip`. */ setTooltip(tooltip: string): this {
    setTooltip(this.extraSettingsEl, tooltip);
    return this;
  }
  /** Imitates `onClick(cb)`. */
  onClick(callback: () => unknown): this {
    this.extraSettingsEl.addEventListener('click', () => {
      if (!this.disabled) callback();
    });
    return this;
  }
}

/** Imitates obsidian.d.ts `ValueComponent<T>`. */
export abstract class ValueComponent<T> extends BaseComponent {
  /** Imitates `ValueComponent.getValue`. */ abstract getValue(): T;
  /** Imitates `ValueComponent.setValue`. */ abstract setValue(value: T): this;
}

/** Imitates obsidian.d.ts `ToggleComponent` (`div.checkbox-container`, class is-enabled when on; click toggles). */
export class ToggleComponent extends ValueComponent<boolean> {
  /** Imitates `ToggleComponent.toggleEl`. */ toggleEl: HTMLElement;
  private on = false;
  private change: ((v: boolean) => unknown) | null = null;
  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = createElIn(containerEl, 'div', 'checkbox-container');
    createElIn(this.toggleEl, 'input', { type: 'checkbox' });
    this.toggleEl.addEventListener('click', () => {
      if (!this.disabled) this.setValue(!this.on);
    });
  }
  protected controlEl(): HTMLElement {
    return this.toggleEl;
  }
  /** Imitates `ToggleComponent.getValue`. */ getValue(): boolean {
    return this.on;
  }
  /** Imitates `ToggleComponent.setValue(on)`: calls the onChange callback when the value changes. */
  setValue(on: boolean): this {
    const changed = on !== this.on;
    this.on = on;
    this.toggleEl.classList.toggle('is-enabled', on);
    if (changed) this.change?.(on);
    return this;
  }
  /** Imitates `setTooltip`. */
  setTooltip(tooltip: string): this {
    setTooltip(this.toggleEl, tooltip);
    return this;
  }
  /** Imitates `onChange(cb)`. */
  onChange(callback: (value: boolean) => unknown): this {
    this.change = callback;
    return this;
  }
}

/** Imitates obsidian.d.ts `AbstractTextComponent` (input/textarea; onChange fires on 'input'). */
export abstract class AbstractTextComponent<
  E extends HTMLInputElement | HTMLTextAreaElement,
> extends ValueComponent<string> {
  /** Imitates `AbstractTextComponent.inputEl`. */ inputEl: E;
  constructor(inputEl: E) {
    super();
    this.inputEl = inputEl;
  }
  protected controlEl(): HTMLElement {
    return this.inputEl;
  }
  /** Imitates `AbstractTextComponent.getValue`. */ getValue(): string {
    return this.inputEl.value;
  }
  /** Imitates `AbstractTextComponent.setValue`. */ setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }
  /** Imitates `setPlaceholder`. */
  setPlaceholder(placeholder: string): this {
    this.inputEl.setAttribute('placeholder', placeholder);
    return this;
  }
  /** Imitates `onChange(cb)`: called with the value on every 'input' event. */
  onChange(callback: (value: string) => unknown): this {
    this.inputEl.addEventListener('input', () => callback(this.inputEl.value));
    return this;
  }
  /** Imitates `onChanged()`: dispatches an 'input' event. */
  onChanged(): void {
    this.inputEl.dispatchEvent(new Event('input'));
  }
}

/** Imitates obsidian.d.ts `TextComponent` (`input[type=text]`). */
export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
  constructor(containerEl: HTMLElement) {
    super(createElIn(containerEl, 'input', { type: 'text', attr: { spellcheck: 'false' } }));
  }
}

/** Imitates obsidian.d.ts `TextAreaComponent` (`textarea`). */
export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
  constructor(containerEl: HTMLElement) {
    super(createElIn(containerEl, 'textarea'));
  }
}

/** Imitates obsidian.d.ts `DropdownComponent` (`select.dropdown`; onChange fires on 'change'). */
export class DropdownComponent extends ValueComponent<string> {
  /** Imitates `DropdownComponent.selectEl`. */ selectEl: HTMLSelectElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = createElIn(containerEl, 'select', 'dropdown');
  }
  protected controlEl(): HTMLElement {
    return this.selectEl;
  }
  /** Imitates `addOption(value, display)`. */
  addOption(value: string, display: string): this {
    createElIn(this.selectEl, 'option', { value, text: display });
    return this;
  }
  /** Imitates `addOptions(record)`. */
  addOptions(options: Record<string, string>): this {
    for (const [v, d] of Object.entries(options)) this.addOption(v, d);
    return this;
  }
  /** Imitates `DropdownComponent.getValue`. */ getValue(): string {
    return this.selectEl.value;
  }
  /** Imitates `DropdownComponent.setValue`. */ setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }
  /** Imitates `onChange(cb)`. */
  onChange(callback: (value: string) => unknown): this {
    this.selectEl.addEventListener('change', () => callback(this.selectEl.value));
    return this;
  }
}

/** Imitates obsidian.d.ts `SliderComponent` (`input[type=range].slider`; onChange on 'change', or 'input' after setInstant(true)). */
export class SliderComponent extends ValueComponent<number> {
  /** Imitates `SliderComponent.sliderEl`. */ sliderEl: HTMLInputElement;
  private instant = false;
  constructor(containerEl: HTMLElement) {
    super();
    this.sliderEl = createElIn(containerEl, 'input', { cls: 'slider', type: 'range' });
  }
  protected controlEl(): HTMLElement {
    return this.sliderEl;
  }
  /** Imitates `setLimits(min, max, step)` ('any' allowed for step). */
  setLimits(min: number | null, max: number | null, step: number | 'any'): this {
    if (min !== null) this.sliderEl.min = String(min);
    if (max !== null) this.sliderEl.max = String(max);
    this.sliderEl.step = String(step);
    return this;
  }
  /** Imitates `setInstant(instant)`. */
  setInstant(instant: boolean): this {
    this.instant = instant;
    return this;
  }
  /** Imitates `setDynamicTooltip()` / `showTooltip()`: no-ops. */
  setDynamicTooltip(): this {
    return this;
  }
  /** Imitates `SliderComponent.showTooltip`. */ showTooltip(): void {}
  /** Imitates `SliderComponent.getValue`. */ getValue(): number {
    return Number(this.sliderEl.value);
  }
  /** Imitates `SliderComponent.setValue`. */ setValue(value: number): this {
    this.sliderEl.value = String(value);
    return this;
  }
  /** Imitates `onChange(cb)`. */
  onChange(callback: (value: number) => unknown): this {
    const fire = (instantEvent: boolean) => () => {
      if (instantEvent === this.instant) callback(this.getValue());
    };
    this.sliderEl.addEventListener('input', fire(true));
    this.sliderEl.addEventListener('change', fire(false));
    return this;
  }
}

/** Imitates obsidian.d.ts `ColorComponent` (`input[type=color]`; onChange on 'change'). */
export class ColorComponent extends ValueComponent<string> {
  /** Imitates `ColorComponent.colorPickerEl`. */ colorPickerEl: HTMLInputElement;
  constructor(containerEl: HTMLElement) {
    super();
    this.colorPickerEl = createElIn(containerEl, 'input', { type: 'color' });
  }
  protected controlEl(): HTMLElement {
    return this.colorPickerEl;
  }
  /** Imitates `ColorComponent.getValue`. */ getValue(): string {
    return this.colorPickerEl.value;
  }
  /** Imitates `ColorComponent.setValue`. */ setValue(value: string): this {
    this.colorPickerEl.value = value;
    return this;
  }
  /** Imitates `onChange(cb)`. */
  onChange(callback: (value: string) => unknown): this {
    this.colorPickerEl.addEventListener('change', () => callback(this.colorPickerEl.value));
    return this;
  }
}

/** Imitates obsidian.d.ts `Setting`: `div.setting-item > (div.setting-item-info > name, description), div.setting-item-control`. */
export class Setting {
  /** Imitates `Setting.settingEl`. */ settingEl: HTMLElement;
  /** Imitates `Setting.infoEl`. */ infoEl: HTMLElement;
  /** Imitates `Setting.nameEl`. */ nameEl: HTMLElement;
  /** Imitates `Setting.descEl`. */ descEl: HTMLElement;
  /** Imitates `Setting.controlEl`. */ controlEl: HTMLElement;
  /** Imitates `Setting.components`. */ components: BaseComponent[] = [];
  constructor(containerEl: HTMLElement) {
    this.settingEl = createElIn(containerEl, 'div', 'setting-item');
    this.infoEl = createElIn(this.settingEl, 'div', 'setting-item-info');
    this.nameEl = createElIn(this.infoEl, 'div', 'setting-item-name');
    this.descEl = createElIn(this.infoEl, 'div', 'setting-item-description');
    this.controlEl = createElIn(this.settingEl, 'div', 'setting-item-control');
  }
  /** Imitates `setName` / `setDesc` (string or fragment). */
  setName(name: string | DocumentFragment): this {
    this.nameEl.replaceChildren(name);
    return this;
  }
  /** Imitates `Setting.setDesc`. */ setDesc(desc: string | DocumentFragment): this {
    this.descEl.replaceChildren(desc);
    return this;
  }
  /** Imitates `setClass`, `setHeading` (class setting-item-heading), `setTooltip`. */
  setClass(cls: string): this {
    this.settingEl.classList.add(cls);
    return this;
  }
  /** Imitates `Setting.setHeading`. */ setHeading(): this {
    this.settingEl.classList.add('setting-item-heading');
    return this;
  }
  /** Imitates `Setting.setTooltip`. */ setTooltip(tooltip: string): this {
    setTooltip(this.nameEl, tooltip);
    return this;
  }
  /** Imitates `setDisabled`: disables every component. */
  setDisabled(disabled: boolean): this {
    this.settingEl.classList.toggle('is-disabled', disabled);
    for (const c of this.components) c.setDisabled(disabled);
    return this;
  }
  /** Imitates the `addButton` … `addColorPicker` family: creates the component in controlEl and passes it to `cb`. */
  addButton(cb: (c: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }
  /** Imitates `Setting.addExtraButton`. */ addExtraButton(cb: (c: ExtraButtonComponent) => unknown): this {
    return this.add(new ExtraButtonComponent(this.controlEl), cb);
  }
  /** Imitates `Setting.addToggle`. */ addToggle(cb: (c: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }
  /** Imitates `Setting.addText`. */ addText(cb: (c: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }
  /** Imitates `Setting.addTextArea`. */ addTextArea(cb: (c: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }
  /** Imitates `Setting.addDropdown`. */ addDropdown(cb: (c: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }
  /** Imitates `Setting.addSlider`. */ addSlider(cb: (c: SliderComponent) => unknown): this {
    return this.add(new SliderComponent(this.controlEl), cb);
  }
  /** Imitates `Setting.addColorPicker`. */ addColorPicker(cb: (c: ColorComponent) => unknown): this {
    return this.add(new ColorComponent(this.controlEl), cb);
  }
  /** Imitates `then(cb)` and `clear()`. */
  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }
  /** Imitates `Setting.clear`. */ clear(): this {
    this.controlEl.replaceChildren();
    this.components = [];
    return this;
  }
  private add<C extends BaseComponent>(c: C, cb: (c: C) => unknown): this {
    this.components.push(c);
    cb(c);
    return this;
  }
}

/** Imitates obsidian.d.ts `SettingTab`: containerEl (`div.vertical-tab-content`), display(), hide() (empties it). */
export abstract class SettingTab {
  /** Imitates `SettingTab.app`. */ app: App;
  /** Imitates `SettingTab.icon`. */ icon = 'settings';
  /** Imitates `SettingTab.containerEl`. */ containerEl: HTMLElement;
  constructor(app: App) {
    this.app = app;
    this.containerEl = createElIn(null, 'div', 'vertical-tab-content');
  }
  /** Imitates `SettingTab.display()`: override to build the UI. */
  abstract display(): void;
  /** Imitates `SettingTab.hide()`: empties containerEl. */
  hide(): void {
    this.containerEl.replaceChildren();
  }
}

/** Imitates obsidian.d.ts `PluginSettingTab(app, plugin)`. Fake-only: `plugin`. */
export abstract class PluginSettingTab extends SettingTab {
  /** Fake-only (conventional in plugins): the owning plugin. */ plugin: Plugin;
  constructor(app: App, plugin: Plugin) {
    super(app);
    this.plugin = plugin;
  }
}
