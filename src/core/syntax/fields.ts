/** Parsers for one block entry per field type: strict numbers, booleans, ranges, lists, choices. Pure. */
import { fail, ok, type Result } from '../result';
import type { BlockEntry } from './block-syntax';
import { closestNames } from './suggest';
import { isWholeQuoted, splitList } from './scan';

/** A plain decimal, optionally signed, with an optional exponent: `1e-3`, `-0.5`, `.5`, `+2`. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = ['true', 'yes', 'on', '1', '是', '开', '对'];
const FALSE = ['false', 'no', 'off', '0', '否', '关', '错'];
/** Separators of the `a..b` / `a ~ b` range shorthand (`～` is the full-width tilde Chinese IMEs type). */
const RANGE_SEPS = ['..', '~', '～'];

/**
 * Parses a number the way a person writes it, and nothing else: no `1,000`, `0x10`, `NaN`,
 * `Infinity`, and no literal that overflows to Infinity (`1e400`). The typographic minus `−`
 * (pasted from papers) counts as `-`.
 */
export function parseNumberStrict(text: string): number | undefined {
  const s = text.trim().replace(/^\u2212/, '-');
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return isFinite(n) ? n : undefined;
}

/** The entry as one piece of text: a list the user typed (`[5]`) is shown back as typed. */
export function scalarOf(entry: BlockEntry): string {
  return typeof entry.value === 'string' ? entry.value : entry.raw;
}

/** The entry as items: lists as they are, text split at top-level commas unless it was one quoted string. */
export function itemsOf(entry: BlockEntry): string[] {
  if (Array.isArray(entry.value)) return entry.value;
  return isWholeQuoted(entry.raw) ? [entry.value] : splitList(entry.value);
}

/** `a..b` → [a, b] at the first separator (an indexOf scan: no regex backtracking on hostile text). */
function splitShorthand(text: string): string[] | undefined {
  for (const sep of RANGE_SEPS) {
    const at = text.indexOf(sep);
    if (at > 0) return [text.slice(0, at), text.slice(at + sep.length)];
  }
  return undefined;
}

/** `outOfRange` args, naming only the bounds that exist so the message can say "at least"/"at most". */
function rangeArgs(
  key: string,
  value: string | number,
  min?: number,
  max?: number,
  unit?: string,
): Record<string, string | number> {
  const args: Record<string, string | number> = { key, value };
  if (min !== undefined) args.min = min;
  if (max !== undefined) args.max = max;
  if (unit) args.unit = unit;
  return args;
}

/** A number or integer field. */
export function parseNumberField(
  entry: BlockEntry,
  spec: { integer?: boolean; min?: number; max?: number },
): Result<number> {
  const text = scalarOf(entry);
  const n = parseNumberStrict(text);
  if (n === undefined) return fail('notANumber', { key: entry.key, value: text }, entry.line);
  if (spec.integer && !Number.isInteger(n)) return fail('notAnInteger', { key: entry.key, value: text }, entry.line);
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    return fail('outOfRange', rangeArgs(entry.key, text, spec.min, spec.max), entry.line);
  }
  return ok(n);
}

/** A boolean field: true/false, yes/no, on/off, 1/0 (any case), 是/否, 开/关, 对/错. */
export function parseBooleanField(entry: BlockEntry): Result<boolean> {
  const text = scalarOf(entry).trim().toLowerCase();
  if (TRUE.includes(text)) return ok(true);
  if (FALSE.includes(text)) return ok(false);
  return fail('notABoolean', { key: entry.key, value: scalarOf(entry) }, entry.line);
}

/** An `[a, b]` interval; also `a, b`, `a..b`, `a ~ b`. Bad shape or order → `badRange` (with `minSpan` when too narrow). */
export function parseRangeField(
  entry: BlockEntry,
  spec: { minSpan?: number; limit?: number },
): Result<[number, number]> {
  const shown = entry.raw;
  const text = scalarOf(entry);
  const short = typeof entry.value === 'string' && !/[,，]/.test(text) ? splitShorthand(text) : undefined;
  const parts = short ?? itemsOf(entry);
  const bad = fail<[number, number]>('badRange', { key: entry.key, value: shown }, entry.line);
  if (parts.length !== 2) return bad;
  const [a, b] = parts.map(parseNumberStrict);
  if (a === undefined || b === undefined || !(a < b)) return bad;
  if (spec.limit !== undefined && (Math.abs(a) > spec.limit || Math.abs(b) > spec.limit)) {
    return fail('outOfRange', rangeArgs(entry.key, shown, -spec.limit, spec.limit), entry.line);
  }
  if (spec.minSpan !== undefined && b - a < spec.minSpan) {
    return fail('badRange', { key: entry.key, value: shown, minSpan: spec.minSpan }, entry.line);
  }
  return ok([a, b]);
}

/** Too many items → `outOfRange` with `unit: 'items'` (value = the count). */
function checkCount(entry: BlockEntry, count: number, maxItems?: number): Result<true> {
  if (maxItems !== undefined && count > maxItems)
    return fail('outOfRange', rangeArgs(entry.key, count, undefined, maxItems, 'items'), entry.line);
  return ok(true);
}

/** A list of numbers: `0.01, 0.15`, `[0.01, 0.15]`, a block list or a single number. */
export function parseNumberListField(
  entry: BlockEntry,
  spec: { min?: number; max?: number; maxItems?: number },
): Result<number[]> {
  const items = itemsOf(entry);
  const count = checkCount(entry, items.length, spec.maxItems);
  if (!count.ok) return count;
  const out: number[] = [];
  for (const item of items) {
    const n = parseNumberField({ ...entry, value: item, raw: item }, spec);
    if (!n.ok) return n;
    out.push(n.value);
  }
  return out.length ? ok(out) : fail('notANumber', { key: entry.key, value: entry.raw }, entry.line);
}

/** A list of strings (activation calls, links, …). */
export function parseListField(entry: BlockEntry, spec: { maxItems?: number }): Result<string[]> {
  const items = itemsOf(entry);
  const count = checkCount(entry, items.length, spec.maxItems);
  return count.ok ? ok([...items]) : count;
}

/** Free text (title, caption); too long → `outOfRange` with `unit: 'characters'`. */
export function parseStringField(entry: BlockEntry, spec: { maxLength?: number }): Result<string> {
  const text = scalarOf(entry);
  const length = [...text].length; // code points, so one 汉字 or emoji counts once
  if (spec.maxLength !== undefined && length > spec.maxLength) {
    return fail('outOfRange', rangeArgs(entry.key, length, undefined, spec.maxLength, 'characters'), entry.line);
  }
  return ok(text);
}

/** One of fixed strings, matched case-insensitively and returned in its canonical spelling. */
export function parseChoiceField<C extends string>(
  entry: BlockEntry,
  choices: readonly C[],
  aliases: Readonly<Record<string, string>> = {},
): Result<C> {
  const text = scalarOf(entry).trim();
  // torch.nn.init's names end in an underscore (kaiming_normal_): accept them with or without it.
  const lower = text.toLowerCase().replace(/_$/, '');
  const alias = Object.prototype.hasOwnProperty.call(aliases, lower) ? aliases[lower] : lower;
  const hit = choices.find((c) => c.toLowerCase() === alias);
  if (hit !== undefined) return ok(hit);
  const suggestions = closestNames(text, [...choices, ...Object.keys(aliases)]).join(', ');
  return fail('badChoice', { key: entry.key, value: text, allowed: choices.join(', '), suggestions }, entry.line);
}
