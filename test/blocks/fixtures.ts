/** Shared inputs for block tests: default settings, a fixed theme, a helper that parses or fails loudly. */
import type { BlockEnv, BlockKind, CommonOptions } from '../../src/blocks/block-kind';
import type { Theme } from '../../src/chart/theme';
import type { Problem, Result } from '../../src/core/result';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Lang } from '../../src/i18n';

/** The environment a fresh install renders blocks with. */
export function env(lang: Lang = 'en'): BlockEnv {
  return { settings: { ...DEFAULT_SETTINGS, xRange: [...DEFAULT_SETTINGS.xRange] }, lang };
}

/** A fixed theme (Obsidian's default light colours) so approved configs do not depend on CSS. */
export const LIGHT: Theme = {
  text: '#222222',
  muted: '#5c5c5c',
  grid: '#e0e0e0',
  axis: '#ababab',
  background: '#ffffff',
  font: 'sans-serif',
  series: ['#086ddd', '#ec7500', '#08b94e', '#7852ee', '#e93147', '#00bfbc', '#d53984', '#e0ac00'],
};

/** Parses `source` with `kind`, throwing with the formatted problem if it fails (for tests of valid blocks). */
export function parseOk<O extends CommonOptions, S>(kind: BlockKind<O, S>, source: string, e: BlockEnv = env()): O {
  const r = kind.parse(source, e);
  if (!r.ok) throw new Error(`expected ${kind.language} block to parse: ${JSON.stringify(r.problem)}`);
  return r.value;
}

/** The first problem of a block: its failure's, or (for a block that still draws) its first warning. */
export function firstProblem(r: Result<CommonOptions>): Problem {
  if (!r.ok) return r.problem;
  const w = r.value.warnings?.[0];
  if (!w) throw new Error('expected a problem');
  return w;
}
