/** The plugin's settings as plain data, with defaults and a forgiving migration (pure). */

/** Which colours series get: the theme's own colours, or Okabe–Ito's colour-blind-safe set. */
export type Palette = 'theme' | 'colorblind';
/** UI language: follow Obsidian, or force one. */
export type LanguageSetting = 'auto' | 'en' | 'zh';

/** Everything the user can set in the settings tab. Block keys override these per block. */
export interface Settings {
  /** Default `x` range of `activation` blocks. */
  xRange: [number, number];
  /** Default points per curve. */
  samples: number;
  /** Default chart height in CSS pixels. */
  height: number;
  /** Draw f′ next to f by default. */
  derivative: boolean;
  /** Teaching overlays (saturation, dead zone, derivative peak) by default. */
  overlays: boolean;
  /** The property table under ```activation charts by default. */
  properties: boolean;
  /** Parameter sliders under charts by default. */
  sliders: boolean;
  /** Draw charts only when they scroll into view (and release far-away ones). */
  lazy: boolean;
  palette: Palette;
  language: LanguageSetting;
}

/** The settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  xRange: [-6, 6] as [number, number],
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

/** Bounds shared by the settings tab and block validation. */
export const LIMITS = Object.freeze({
  samples: { min: 2, max: 5000 },
  height: { min: 120, max: 1200 },
  xLimit: 1e6,
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const clampInt = (v: unknown, lo: number, hi: number, fallback: number): number =>
  finite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(v as T) ? (v as T) : fallback;

/**
 * Turns whatever `loadData()` returned (nothing, an older version, hand-edited JSON) into valid settings.
 * Unknown fields are dropped and bad or missing ones fall back to defaults, field by field, so one
 * broken value never resets the rest.
 */
export function migrateSettings(raw: unknown): Settings {
  const d = DEFAULT_SETTINGS;
  const r = isRecord(raw) ? raw : {};
  const x = r.xRange;
  const xOk = Array.isArray(x) && x.length === 2 && finite(x[0]) && finite(x[1]) && x[0] < x[1]
    && Math.abs(x[0]) <= LIMITS.xLimit && Math.abs(x[1]) <= LIMITS.xLimit;
  return {
    xRange: xOk ? [x[0] as number, x[1] as number] : [d.xRange[0], d.xRange[1]],
    samples: clampInt(r.samples, LIMITS.samples.min, LIMITS.samples.max, d.samples),
    height: clampInt(r.height, LIMITS.height.min, LIMITS.height.max, d.height),
    derivative: bool(r.derivative, d.derivative),
    overlays: bool(r.overlays, d.overlays),
    properties: bool(r.properties, d.properties),
    sliders: bool(r.sliders, d.sliders),
    lazy: bool(r.lazy, d.lazy),
    palette: oneOf(r.palette, ['theme', 'colorblind'] as const, d.palette),
    language: oneOf(r.language, ['auto', 'en', 'zh'] as const, d.language),
  };
}
