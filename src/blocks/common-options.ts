/** Keys every block kind accepts (title, caption, height), and the parse step all kinds share. */
import { parseBlockSyntax, type BlockEntries } from '../core/block-syntax';
import { parseOptions, type OptionsOf, type Schema } from '../core/options';
import { ok, type Result } from '../core/result';
import { LIMITS, type Settings } from '../core/settings';

/** The common part of every schema; `height` defaults to the user's setting. */
export function commonSchema(settings: Settings) {
  return {
    title: { type: 'string', maxLength: 200 },
    caption: { type: 'string', maxLength: 2000 },
    height: { type: 'integer', default: settings.height, min: LIMITS.height.min, max: LIMITS.height.max },
  } as const;
}

/** Parsed options together with the entries they came from (for line numbers of later, semantic checks). */
export interface Parsed<S extends Schema> {
  options: OptionsOf<S>;
  entries: BlockEntries;
}

/** Block source → entries → typed options, or the first problem (with its line). */
export function parseWithSchema<S extends Schema>(source: string, schema: S, bareKey: string): Result<Parsed<S>> {
  const entries = parseBlockSyntax(source, bareKey);
  if (!entries.ok) return entries;
  const options = parseOptions(entries.value, schema);
  return options.ok ? ok({ options: options.value, entries: entries.value }) : options;
}

/** The line of `key` in the block, or the block's first line. */
export function lineOf(entries: BlockEntries, key: string): number {
  return entries.byKey.get(key)?.line ?? entries.firstLine;
}
