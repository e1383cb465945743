import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings } from '../../src/core/settings';

describe('migrateSettings', () => {
  it('gives the defaults for nothing (first run)', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields, drops unknown ones and repairs bad ones field by field', () => {
    const s = migrateSettings({ samples: 800, height: 'tall', palette: 'neon', language: 'zh', oldField: 1, xRange: [3, -3] });
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
