/**
 * The settings tab (Settings → Activation Lab). Every change goes through the plugin's `updateSettings`,
 * which saves data.json and re-renders open blocks. Text fields are validated with the block parsers, so
 * a bad value is explained with the message a block would show, and is not saved.
 *
 * minAppVersion is 1.5.7, so `display()` renders the tab. The same rows are also offered through
 * `getSettingDefinitions()` (as `render` definitions), which Obsidian 1.13+ uses instead, so the settings
 * show up in its settings search; older versions never call it.
 */
import {
  App,
  PluginSettingTab,
  Setting,
  debounce,
  requireApiVersion,
  type Plugin,
  type SettingDefinitionItem,
} from 'obsidian';
import type { BlockEntry } from '../core/syntax/block-syntax';
import { parseNumberField, parseRangeField } from '../core/syntax/fields';
import type { Result } from '../core/result';
import { SETTING_KEYS, SETTING_SPECS, type SettingKey, type SettingSpec, type Settings } from '../core/settings';
import { formatProblem, t, type Lang, type MessageKey } from '../i18n';
import { currentLang } from './language';

/** How the tab reads and changes the plugin's settings. */
export interface SettingsAccess {
  current(): Settings;
  /** Saves and re-renders open blocks (the plugin's `updateSettings`). */
  update(next: Settings): Promise<void>;
}

/** Settings whose change relabels the tab itself (the language it is written in). */
const REDRAWS_TAB: ReadonlySet<SettingKey> = new Set(['language']);

/** Typing pauses this long before a text field is saved (each save re-renders every open block). */
const TYPING_PAUSE_MS = 500;

/** A text field's value as a block entry (brackets optional), so the block parsers and their messages validate it. */
function entry(key: string, text: string): BlockEntry {
  const raw = text.trim();
  return { key, line: 1, value: raw.replace(/^\[(.*)\]$/, '$1'), raw };
}

/** The plugin's settings tab. */
export class ActivationLabSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly access: SettingsAccess,
  ) {
    super(app, plugin);
  }

  display(): void {
    this.renderRows();
  }

  /** Obsidian 1.13+: the same rows, declared so settings search finds them. */
  getSettingDefinitions(): SettingDefinitionItem[] {
    const lang = this.lang();
    return SETTING_KEYS.map((key) => ({
      name: t(lang, `settings.${key}.name`),
      desc: t(lang, `settings.${key}.desc`),
      render: (setting: Setting) => this.renderControl(key, setting, lang),
    }));
  }

  private lang(): Lang {
    return currentLang(this.access.current().language);
  }

  private renderRows(): void {
    this.containerEl.empty();
    const lang = this.lang();
    for (const key of SETTING_KEYS) {
      const setting = new Setting(this.containerEl)
        .setName(t(lang, `settings.${key}.name`))
        .setDesc(t(lang, `settings.${key}.desc`));
      this.renderControl(key, setting, lang);
    }
  }

  /** After a language change the tab redraws in the new language (1.13+ re-reads its definitions). */
  private redraw(): void {
    const declarative = this as unknown as { update?: () => void };
    if (requireApiVersion('1.13.0') && typeof declarative.update === 'function') declarative.update();
    else this.renderRows();
  }

  private save(patch: Partial<Record<SettingKey, unknown>>): Promise<void> {
    return this.access.update({ ...this.access.current(), ...patch } as Settings);
  }

  /** Adds the control of row `key` to `setting`, by the kind of value its spec declares. */
  private renderControl(key: SettingKey, setting: Setting, lang: Lang): void {
    const spec: SettingSpec = SETTING_SPECS[key];
    const value = this.access.current()[key];
    switch (spec.type) {
      case 'range': {
        const [a, b] = value as [number, number];
        return this.textControl(
          setting,
          lang,
          key,
          `${a}, ${b}`,
          (text) => parseRangeField(entry(spec.blockKey, text), spec),
          (range) => this.save({ [key]: range }),
        );
      }
      case 'integer':
        return this.textControl(
          setting,
          lang,
          key,
          String(value),
          (text) => parseNumberField(entry(key, text), { integer: true, min: spec.min, max: spec.max }),
          (n) => this.save({ [key]: n }),
        );
      case 'choice':
        setting.addDropdown((dropdown) => {
          for (const choice of spec.choices)
            dropdown.addOption(choice, t(lang, `settings.${key}.${choice}` as MessageKey));
          dropdown.setValue(value as string).onChange(async (next) => {
            await this.save({ [key]: next });
            if (REDRAWS_TAB.has(key)) this.redraw();
          });
        });
        return;
      case 'toggle':
        setting.addToggle((toggle) =>
          toggle.setValue(value as boolean).onChange((on) => void this.save({ [key]: on })),
        );
    }
  }

  /** A text field saved after a typing pause when valid; otherwise it says why and keeps the saved value. */
  private textControl<T>(
    setting: Setting,
    lang: Lang,
    key: SettingKey,
    initial: string,
    parse: (text: string) => Result<T>,
    commit: (value: T) => Promise<void>,
  ): void {
    const message = setting.descEl.createDiv({ cls: 'activation-lab-setting-error', attr: { role: 'alert' } });
    setting.addText((text) => {
      const apply = debounce(
        (value: string) => {
          const parsed = parse(value);
          message.setText(
            parsed.ok
              ? ''
              : t(lang, 'settings.invalid', { reason: formatProblem({ ...parsed.problem, line: undefined }, lang) }),
          );
          text.inputEl.setAttr('aria-invalid', parsed.ok ? 'false' : 'true');
          if (parsed.ok) void commit(parsed.value);
        },
        TYPING_PAUSE_MS,
        true,
      );
      text.setValue(initial).onChange((value) => void apply(value));
      text.inputEl.setAttr('aria-label', t(lang, `settings.${key}.name`));
    });
  }
}
