/** Keys every block kind accepts (title, caption, context, height), and the parse step all kinds share. */
import { parseBlockSyntax, type BlockEntries } from '../core/syntax/block-syntax';
import { parseOptions, type OptionsOf, type Schema } from '../core/syntax/options';
import { resolveActivationList, type NamedActivation } from './activation-list';
import type { CommonOptions } from './block-kind';
import { fail, failAll, ok, problemsOf, type Problem, type Result } from '../core/result';
import { LIMITS, type Settings } from '../core/settings';
import { parseWikiLink } from '../core/links/wikilinks';

/** Most context links one block may show (each is a rendered panel; a wall of them helps nobody). */
export const MAX_CONTEXT_LINKS = 8;

/** The common part of every schema; `height` defaults to the user's setting. */
export function commonSchema(settings: Settings) {
  return {
    title: { type: 'string', maxLength: 200 },
    caption: { type: 'string', maxLength: 2000 },
    /** Wiki-links whose content the block shows in panels (`[[note#Heading]]`, quoted or not, one or a list). */
    context: { type: 'list', default: [], maxItems: MAX_CONTEXT_LINKS },
    height: { type: 'integer', default: settings.height, min: LIMITS.height.min, max: LIMITS.height.max },
  } as const;
}

/** Parsed options together with the entries they came from (for line numbers of later, semantic checks). */
export interface Parsed<S extends Schema> {
  options: OptionsOf<S>;
  entries: BlockEntries;
  /** Problems of optional keys: the block draws with their defaults and shows these above the chart. */
  warnings: Problem[];
}

/** Block source → entries → typed options and warnings, or every problem (each with its line). */
export function parseWithSchema<S extends Schema>(source: string, schema: S, bareKey: string): Result<Parsed<S>> {
  const lineKeys = new Set(
    Object.keys(schema).filter((k) => {
      const f = schema[k];
      return f.type === 'list' && f.lines;
    }),
  );
  const entries = parseBlockSyntax(source, bareKey, lineKeys);
  if (!entries.ok) return entries;
  const options = parseOptions(entries.value, schema);
  if (!options.ok) return options;
  const { warnings } = options.value;
  const o = options.value.options as OptionsOf<S> & { context?: unknown };
  if (Array.isArray(o.context)) {
    const links = parseContextLinks(o.context as string[], lineOf(entries.value, 'context'));
    // A bad link drops the context panels, never the chart.
    if (!links.ok) warnings.push(...problemsOf(links));
    o.context = links.ok ? links.value : [];
  }
  return ok({ options: o, entries: entries.value, warnings });
}

/**
 * `parseWithSchema`, then the activation list under `listKey` resolved, with the block's own definitions when
 * the schema has a `define` key. On failure, the list's problems and the options' warnings, in line order.
 */
export function parseWithActivations<S extends Schema>(
  source: string,
  schema: S,
  listKey: keyof S & string,
): Result<Parsed<S> & { activations: NamedActivation[] }> {
  const parsed = parseWithSchema(source, schema, listKey);
  if (!parsed.ok) return parsed;
  const { options, entries } = parsed.value;
  const defines = (options as { define?: string[] }).define;
  const itemLines = entries.byKey.get('define')?.itemLines;
  const define = defines
    ? { items: defines, line: lineOf(entries, 'define'), ...(itemLines ? { itemLines } : {}) }
    : undefined;
  const activations = resolveActivationList(options[listKey] as string[], lineOf(entries, listKey), listKey, define);
  if (!activations.ok) return failAll([...problemsOf(activations), ...parsed.value.warnings]);
  return ok({ ...parsed.value, activations: activations.value });
}

/**
 * The options a kind built from `parsed`, carrying its warnings; or, when the kind found problems of its own
 * (unknown functions, …), a failure listing those and the warnings together, in line order.
 */
export function finish<T extends CommonOptions>(parsed: { warnings: Problem[] }, result: Result<T>): Result<T> {
  if (!result.ok) return failAll([...problemsOf(result), ...parsed.warnings]);
  return ok({ ...result.value, warnings: parsed.warnings });
}

/** Each `context` item must be one wiki-link (`badLink` on the key's line); the links as written, quotes removed. */
export function parseContextLinks(items: readonly string[], line: number): Result<string[]> {
  const links: string[] = [];
  for (const item of items) {
    const link = parseWikiLink(item);
    if (!link.ok) return fail(link.problem.code, link.problem.args, line);
    links.push(link.value.raw);
  }
  return ok(links);
}

/** The line of `key` in the block, or the block's first line. */
export function lineOf(entries: BlockEntries, key: string): number {
  return entries.byKey.get(key)?.line ?? entries.firstLine;
}
