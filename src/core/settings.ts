/**
 * The plugin's settings, declared once: each key's type, default and bounds. The settings tab (its rows, in this
 * order, with the strings `settings.<key>.name` / `.desc` and `settings.<key>.<choice>`), the migration of
 * saved data and the bounds blocks validate against are all derived from SETTING_SPECS (pure).
 */

/** How one setting is read and bounded. `blockKey`: the block key it is the default of, named in messages. */
export type SettingSpec =
  | { type: 'range'; default: readonly [number, number]; limit: number; minSpan: number; blockKey: string }
  | { type: 'integer'; default: number; min: number; max: number }
  | { type: 'toggle'; default: boolean }
  | { type: 'choice'; default: string; choices: readonly string[] };

/** Every setting, in the tab's order. Block keys override these per block. */
export const SETTING_SPECS = {
  /** Default `x` range of `activation` blocks. */
  xRange: { type: 'range', default: [-6, 6], limit: 1e6, minSpan: 1e-6, blockKey: 'x' },
  /** Default points per curve. */
  samples: { type: 'integer', default: 400, min: 2, max: 5000 },
  /** Default chart height in CSS pixels. */
  height: { type: 'integer', default: 300, min: 120, max: 1200 },
  /** Draw f′ next to f by default. */
  derivative: { type: 'toggle', default: true },
  /** Teaching overlays (saturation, dead zone, derivative peak) by default. */
  overlays: { type: 'toggle', default: true },
  /** The property table under ```activation charts by default. */
  properties: { type: 'toggle', default: false },
  /** Parameter sliders under charts by default. */
  sliders: { type: 'toggle', default: true },
  /** Draw charts only when they scroll into view (and release far-away ones). */
  lazy: { type: 'toggle', default: true },
  /** Which colours series get: the theme's own colours, or Okabe–Ito's colour-blind-safe set. */
  palette: { type: 'choice', default: 'theme', choices: ['theme', 'colorblind'] },
  /** UI language: follow Obsidian, or force one. */
  language: { type: 'choice', default: 'auto', choices: ['auto', 'en', 'zh'] },
} as const satisfies Record<string, SettingSpec>;

/** A setting's name. */
export type SettingKey = keyof typeof SETTING_SPECS;

/** The value a spec holds. */
type ValueOf<S> = S extends { type: 'range' }
  ? [number, number]
  : S extends { type: 'integer' }
    ? number
    : S extends { type: 'toggle' }
      ? boolean
      : S extends { choices: readonly (infer C)[] }
        ? C
        : never;

/** Everything the user can set in the settings tab. */
export type Settings = { [K in SettingKey]: ValueOf<(typeof SETTING_SPECS)[K]> };

/** Which colours series get. */
export type Palette = Settings['palette'];
/** UI language setting. */
export type LanguageSetting = Settings['language'];

/** The settings' keys in the tab's order. */
export const SETTING_KEYS = Object.keys(SETTING_SPECS) as SettingKey[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && isFinite(v);

/** A saved value read by its spec; undefined when it is missing or bad. Integers are rounded and clamped. */
function read(spec: SettingSpec, v: unknown): unknown {
  switch (spec.type) {
    case 'range': {
      if (!Array.isArray(v) || v.length !== 2 || !finite(v[0]) || !finite(v[1])) return undefined;
      const [a, b] = v as [number, number];
      return b - a >= spec.minSpan && Math.abs(a) <= spec.limit && Math.abs(b) <= spec.limit ? [a, b] : undefined;
    }
    case 'integer':
      return finite(v) ? Math.min(spec.max, Math.max(spec.min, Math.round(v))) : undefined;
    case 'toggle':
      return typeof v === 'boolean' ? v : undefined;
    case 'choice':
      return typeof v === 'string' && spec.choices.includes(v) ? v : undefined;
  }
}

/** A fresh copy of a default (ranges are arrays, which callers may keep). */
function fresh(spec: SettingSpec): unknown {
  return spec.type === 'range' ? [spec.default[0], spec.default[1]] : spec.default;
}

/**
 * Turns whatever `loadData()` returned (nothing, an older version, hand-edited JSON) into valid settings.
 * Unknown fields are dropped and bad or missing ones fall back to defaults, field by field, so one
 * broken value never resets the rest.
 */
export function migrateSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  const specs: Record<SettingKey, SettingSpec> = SETTING_SPECS;
  return Object.fromEntries(
    SETTING_KEYS.map((key) => [key, read(specs[key], r[key]) ?? fresh(specs[key])]),
  ) as Settings;
}

/** The settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(migrateSettings(undefined));

/** Bounds shared by the settings tab and block validation. */
export const LIMITS = Object.freeze({
  samples: { min: SETTING_SPECS.samples.min, max: SETTING_SPECS.samples.max },
  height: { min: SETTING_SPECS.height.min, max: SETTING_SPECS.height.max },
  xLimit: SETTING_SPECS.xRange.limit,
});
