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
