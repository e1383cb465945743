import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  migrateSettings,
  SETTING_KEYS,
  SETTING_SPECS,
  type SettingSpec,
} from '../../src/core/settings';
import { en, zh } from '../helpers/message-tables';

describe('migrateSettings', () => {
  it('gives the defaults for nothing (first run)', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields, drops unknown ones and repairs bad ones field by field', () => {
    const s = migrateSettings({
      samples: 800,
      height: 'tall',
      palette: 'neon',
      language: 'zh',
      oldField: 1,
      xRange: [3, -3],
    });
    expect(s.samples).toBe(800);
    expect(s.height).toBe(DEFAULT_SETTINGS.height);
    expect(s.palette).toBe('theme');
    expect(s.language).toBe('zh');
    expect(s.xRange).toEqual([-6, 6]);
    expect('oldField' in s).toBe(false);
  });

  it('clamps numbers into their allowed range', () => {
    expect(migrateSettings({ samples: 1e9, height: 1 })).toMatchObject({ samples: 5000, height: 120 });
  });

  it('round-trips through JSON unchanged', () => {
    const s = migrateSettings({ xRange: [-3, 5], samples: 123, derivative: false, lazy: false, palette: 'colorblind' });
    expect(migrateSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});

describe('SETTING_SPECS, the one declaration of the settings', () => {
  it('every setting has its name and description, and every choice its label, in both string tables', () => {
    for (const table of [en, zh] as Record<string, string>[]) {
      for (const key of SETTING_KEYS) {
        const spec: SettingSpec = SETTING_SPECS[key];
        const keys = [
          `settings.${key}.name`,
          `settings.${key}.desc`,
          ...(spec.type === 'choice' ? spec.choices.map((c) => `settings.${key}.${c}`) : []),
        ];
        for (const k of keys)
          expect({ k, present: typeof table[k] === 'string' && table[k] !== '' }).toEqual({ k, present: true });
      }
    }
  });

  it('the defaults are the documented ones and each default passes its own bounds', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      xRange: [-6, 6],
      samples: 400,
      height: 300,
      derivative: true,
      overlays: true,
      properties: false,
      sliders: true,
      lazy: true,
      palette: 'theme',
      language: 'auto',
    });
    expect(migrateSettings({ ...DEFAULT_SETTINGS })).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects ranges that are reversed, too narrow or beyond the limit', () => {
    for (const xRange of [[1, 1], [0, 1e-9], [-2e6, 0], [0, Infinity], [1, 2, 3], 'wide']) {
      expect(migrateSettings({ xRange }).xRange).toEqual([-6, 6]);
    }
    expect(migrateSettings({ xRange: [-1e6, 1e6] }).xRange).toEqual([-1e6, 1e6]);
  });
});

describe('migrateSettings at the edges of each bound', () => {
  it('accepts a range exactly minSpan wide and exactly at the limit, rejects one a hair narrower or beyond', () => {
    expect(migrateSettings({ xRange: [0, 1e-6] }).xRange).toEqual([0, 1e-6]);
    expect(migrateSettings({ xRange: [0, 0.99e-6] }).xRange).toEqual([-6, 6]);
    expect(migrateSettings({ xRange: [-1e6, 0] }).xRange).toEqual([-1e6, 0]);
    expect(migrateSettings({ xRange: [0, 1e6] }).xRange).toEqual([0, 1e6]);
    expect(migrateSettings({ xRange: [0, 1000001] }).xRange).toEqual([-6, 6]);
    expect(migrateSettings({ xRange: [-1000001, 0] }).xRange).toEqual([-6, 6]);
    expect(migrateSettings({ xRange: [NaN, 1] }).xRange).toEqual([-6, 6]);
    expect(migrateSettings({ xRange: [0, NaN] }).xRange).toEqual([-6, 6]);
    expect(migrateSettings({ xRange: [0] }).xRange).toEqual([-6, 6]);
  });

  it('rounds integers to the nearest and clamps at both ends; keeps the ends themselves', () => {
    expect(migrateSettings({ samples: 123.6, height: 300.4 })).toMatchObject({ samples: 124, height: 300 });
    expect(migrateSettings({ samples: 2, height: 1200 })).toMatchObject({ samples: 2, height: 1200 });
    expect(migrateSettings({ samples: -5, height: 5000 })).toMatchObject({ samples: 2, height: 1200 });
    expect(migrateSettings({ samples: Infinity, height: '300' })).toMatchObject({ samples: 400, height: 300 });
  });

  it('takes toggles only as booleans and choices only from their list', () => {
    expect(migrateSettings({ derivative: false, overlays: 'false', lazy: 0 })).toMatchObject({
      derivative: false,
      overlays: true,
      lazy: true,
    });
    expect(migrateSettings({ palette: 'colorblind', language: 'fr' })).toMatchObject({
      palette: 'colorblind',
      language: 'auto',
    });
    expect(migrateSettings({ language: ['zh'] }).language).toBe('auto');
  });

  it('reads an array or a string as no settings at all', () => {
    expect(migrateSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('samples: 800')).toEqual(DEFAULT_SETTINGS);
  });

  it('gives each caller its own default range', () => {
    const a = migrateSettings(undefined);
    a.xRange[0] = 99;
    expect(migrateSettings(undefined).xRange).toEqual([-6, 6]);
    expect(DEFAULT_SETTINGS.xRange).toEqual([-6, 6]);
  });
});
