/** Settings through the built plugin: data.json round trip and migration, and the settings tab. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { en, zh } from '../helpers/message-tables';
import type { Host } from '../fakes/host';
import { Setting, type Component } from '../fakes/obsidian';
import { drawnCanvases, showNote, startPlugin, type LoadedPlugin, teardown } from './support/plugin-host';

const ROWS = [
  'xRange',
  'samples',
  'height',
  'derivative',
  'overlays',
  'properties',
  'sliders',
  'lazy',
  'palette',
  'language',
] as const;
let host: Host | null = null;
let view: Component | null = null;

afterEach(() => {
  teardown(view, host);
  view = null;
  host = null;
});

async function load(dataJson?: string, files: Record<string, string> = {}, language = 'en'): Promise<LoadedPlugin> {
  const started = await startPlugin({
    files,
    language,
    pluginData: dataJson === undefined ? {} : { 'activation-lab': dataJson },
  });
  host = started.host;
  return started.plugin;
}

/** The tab's rows by their name, with the control element of each. */
function rows(container: HTMLElement): Map<string, HTMLElement> {
  return new Map(
    [...container.querySelectorAll<HTMLElement>('.setting-item')].map((el) => [
      el.querySelector('.setting-item-name')?.textContent ?? '',
      el.querySelector<HTMLElement>('.setting-item-control') as HTMLElement,
    ]),
  );
}

function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('settings in data.json', () => {
  it('a fresh install starts from the defaults and writes nothing until something changes', async () => {
    const plugin = await load();
    expect(plugin.settings).toEqual(DEFAULT_SETTINGS);
    expect(host?.writes).toEqual([]);
  });

  it('an older data.json keeps what it has, gets the rest from the defaults and loses unknown fields', async () => {
    const plugin = await load(JSON.stringify({ samples: 800, derivative: false, theme: 'old', colours: ['#fff'] }));
    expect(plugin.settings).toEqual({ ...DEFAULT_SETTINGS, samples: 800, derivative: false });
  });

  it('broken fields are repaired one by one', async () => {
    const plugin = await load(
      JSON.stringify({ xRange: [5, -5], height: 'tall', palette: 'colorblind', language: 'fr' }),
    );
    expect(plugin.settings).toEqual({ ...DEFAULT_SETTINGS, palette: 'colorblind' });
  });

  it('round-trips: what updateSettings saves is what the next start loads', async () => {
    const plugin = await load();
    const next: Settings = {
      ...DEFAULT_SETTINGS,
      xRange: [-3, 5],
      samples: 123,
      height: 420,
      lazy: false,
      palette: 'colorblind',
      language: 'zh',
    };
    await plugin.updateSettings(next);
    expect(plugin.dataCalls.at(-1)).toEqual({ op: 'save', data: next });
    expect(host?.writes.map((w) => w.op)).toEqual(['saveData']);
    const saved = host?.app.pluginData.get('activation-lab');
    host?.dispose();
    expect((await load(saved)).settings).toEqual(next);
  });
});

describe('the settings tab', () => {
  it("shows every setting, named and described in the reader's language", async () => {
    for (const [language, table] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      const plugin = await load(undefined, {}, language);
      const tab = host?.openSettingTab(plugin) as { containerEl: HTMLElement };
      const names = [...tab.containerEl.querySelectorAll('.setting-item-name')].map((e) => e.textContent);
      expect(names).toEqual(ROWS.map((k) => table[`settings.${k}.name`]));
      const descriptions = [...tab.containerEl.querySelectorAll('.setting-item-description')].map((e) => e.textContent);
      expect(descriptions).toEqual(ROWS.map((k) => table[`settings.${k}.desc`]));
      // Every control is a labelled form element a keyboard can reach.
      expect(tab.containerEl.querySelectorAll('input[type=text][aria-label]')).toHaveLength(3);
      expect(tab.containerEl.querySelectorAll('select')).toHaveLength(2);
      host?.dispose();
      document.body.replaceChildren();
    }
  });

  it('offers the same rows to Obsidian 1.13+ as setting definitions (for settings search)', async () => {
    const plugin = await load();
    const tab = host?.openSettingTab(plugin) as unknown as {
      getSettingDefinitions(): { name: string; desc: string; render(s: Setting): void }[];
    };
    const definitions = tab.getSettingDefinitions();
    expect(definitions.map((d) => d.name)).toEqual(ROWS.map((k) => en[`settings.${k}.name`]));
    expect(definitions.map((d) => d.desc)).toEqual(ROWS.map((k) => en[`settings.${k}.desc`]));
    const box = document.body.createDiv();
    for (const d of definitions) d.render(new Setting(box));
    expect(box.querySelectorAll('input[type=text], select, .checkbox-container')).toHaveLength(ROWS.length);
  });

  it('a toggle saves at once and re-renders the open blocks', async () => {
    const plugin = await load(undefined, { 'Note.md': '```activation\nfunctions: Sigmoid\n```\n' });
    ({ view } = await showNote(host as Host, 'Note.md'));
    const [before] = await drawnCanvases(document.body);
    expect(before.getAttribute('aria-label')).toContain('and their derivatives');
    const tab = host?.openSettingTab(plugin) as { containerEl: HTMLElement };
    rows(tab.containerEl)
      .get(en['settings.derivative.name'])
      ?.querySelector<HTMLElement>('.checkbox-container')
      ?.click();
    await vi.waitFor(() =>
      expect(plugin.dataCalls.at(-1)).toEqual({ op: 'save', data: { ...DEFAULT_SETTINGS, derivative: false } }),
    );
    const after = await vi.waitFor(() => {
      const canvas = document.body.querySelector('canvas');
      expect(canvas?.getAttribute('aria-label')).toBe('Chart of Sigmoid for x from −6 to 6');
      return canvas;
    });
    expect(after).not.toBe(before);
  });

  it('a bad value is explained and not saved; a good one is saved after a typing pause', async () => {
    const plugin = await load(undefined, { 'Note.md': '```activation\nfunctions: ReLU\n```\n' });
    ({ view } = await showNote(host as Host, 'Note.md'));
    await drawnCanvases(document.body);
    const tab = host?.openSettingTab(plugin) as { containerEl: HTMLElement };
    const row = tab.containerEl.querySelector('.setting-item') as HTMLElement;
    const input = row.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('-6, 6');
    type(input, '5, 1');
    await vi.waitFor(() =>
      expect(row.querySelector('.activation-lab-setting-error')?.textContent).toBe(
        "Not saved: x: '5, 1' is not a valid range; write [a, b] with a < b, e.g. [-6, 6]",
      ),
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(plugin.dataCalls.filter((c) => c.op === 'save')).toEqual([]);
    type(input, '[-2, 2]');
    await vi.waitFor(() => expect(plugin.settings.xRange).toEqual([-2, 2]));
    expect(row.querySelector('.activation-lab-setting-error')?.textContent).toBe('');
    await vi.waitFor(() =>
      expect(document.body.querySelector('canvas')?.getAttribute('aria-label')).toContain('x from −2 to 2'),
    );
  });

  it('switching the language redraws the tab and the blocks in that language', async () => {
    const plugin = await load(undefined, { 'Note.md': '```activation\nfunctions: Tanh\n```\n' });
    ({ view } = await showNote(host as Host, 'Note.md'));
    await drawnCanvases(document.body);
    const tab = host?.openSettingTab(plugin) as { containerEl: HTMLElement };
    const select = rows(tab.containerEl)
      .get(en['settings.language.name'])
      ?.querySelector('select') as HTMLSelectElement;
    select.value = 'zh';
    select.dispatchEvent(new Event('change'));
    await vi.waitFor(() =>
      expect(tab.containerEl.querySelector('.setting-item-name')?.textContent).toBe(zh['settings.xRange.name']),
    );
    expect(plugin.settings.language).toBe('zh');
    await vi.waitFor(() =>
      expect(document.body.querySelector('canvas')?.getAttribute('aria-label')).toBe(
        'Tanh 及其导数的图像，x 从 −6 到 6',
      ),
    );
  });
});
