/**
 * Declarative block options: a schema (usually `as const`) says which keys a block takes and how to
 * read them; `parseOptions` turns parsed block entries into a typed object or the first problem. Pure.
 */
import { fail, failAll, ok, problemsOf, type Problem, type Result } from '../result';
import { parseBlockSyntax, type BlockEntries, type BlockEntry } from './block-syntax';
import { closestNames } from './suggest';
import {
  parseBooleanField,
  parseChoiceField,
  parseListField,
  parseNumberField,
  parseNumberListField,
  parseRangeField,
  parseStringField,
} from './fields';

/** How to read one key. `required` keys without a value fail with `missingKey`; others fall back to `default`. */
export type FieldSpec =
  | { type: 'number'; default?: number; min?: number; max?: number; required?: boolean }
  | { type: 'integer'; default?: number; min: number; max: number; required?: boolean }
  /** true/false, yes/no, on/off, 1/0 (any case), 是/否, 开/关, 对/错. */
  | { type: 'boolean'; default: boolean }
  /** `[a, b]`, `a, b`, `a..b`, `a ~ b`: finite, a < b, b − a ≥ minSpan, |a|, |b| ≤ limit. */
  | { type: 'range'; default?: readonly [number, number]; minSpan?: number; limit?: number; required?: boolean }
  /** `0.01, 0.15`, `[0.01, 0.15]`, a block list, or a single number. */
  | { type: 'numberList'; default: readonly number[]; min?: number; max?: number; maxItems?: number }
  /** Strings such as activation calls or wiki-links; `lines`: plain lines below an empty `key:` are items too. */
  | { type: 'list'; default?: readonly string[]; maxItems?: number; required?: boolean; lines?: boolean }
  /** Free text such as a title or caption; `maxLength` counts code points. */
  | { type: 'string'; default?: string; maxLength?: number; required?: boolean }
  /** One of `choices`, matched case-insensitively. */
  /** Other accepted spellings (lower-case) map to a choice: torch's `kaiming_normal` for `he_normal`. */
  | { type: 'choice'; default: string; choices: readonly string[]; aliases?: Readonly<Record<string, string>> };

/** Keys (lower-case identifiers) to field specs. */
export type Schema = { readonly [key: string]: FieldSpec };

/** The value type a field produces, before `undefined` for optional fields without a default. */
export type FieldType<F> = F extends { type: 'number' | 'integer' }
  ? number
  : F extends { type: 'boolean' }
    ? boolean
    : F extends { type: 'range' }
      ? [number, number]
      : F extends { type: 'numberList' }
        ? number[]
        : F extends { type: 'list' }
          ? string[]
          : F extends { type: 'string' }
            ? string
            : F extends { type: 'choice'; choices: readonly (infer C)[] }
              ? C
              : never;

/** A field's value: always present with a default or when required, else possibly `undefined`. */
export type FieldValue<F> = F extends { default: unknown } | { required: true }
  ? FieldType<F>
  : FieldType<F> | undefined;

/** The typed options object a schema produces. */
export type OptionsOf<S extends Schema> = { -readonly [K in keyof S]: FieldValue<S[K]> };

/** Reads one entry according to its spec. */
function parseField(entry: BlockEntry, spec: FieldSpec): Result<unknown> {
  switch (spec.type) {
    case 'number':
      return parseNumberField(entry, spec);
    case 'integer':
      return parseNumberField(entry, { ...spec, integer: true });
    case 'boolean':
      return parseBooleanField(entry);
    case 'range':
      return parseRangeField(entry, spec);
    case 'numberList':
      return parseNumberListField(entry, spec);
    case 'list':
      return parseListField(entry, spec);
    case 'string':
      return parseStringField(entry, spec);
    case 'choice':
      return parseChoiceField(entry, spec.choices, spec.aliases);
  }
}

/** A copy of the default, so callers may mutate their options without touching the schema. */
function defaultOf(spec: FieldSpec): unknown {
  const d = spec.default;
  return typeof d === 'object' ? [...d] : d;
}

/** `key:` with nothing after it (and no list below) means "not given", as YAML's null would. */
const isEmpty = (entry: BlockEntry) => entry.value === '' && entry.raw === '';

/** A default as a block would write it (`[-6, 6]`, `400`, `true`), for "using the default" warnings. */
function shownDefault(spec: FieldSpec): string | undefined {
  const d = spec.default;
  if (d === undefined) return undefined;
  return typeof d === 'object' ? `[${d.join(', ')}]` : String(d);
}

/** Options, plus the problems of optional keys that were ignored or fell back to their default. */
export interface OptionsWithWarnings<S extends Schema> {
  options: OptionsOf<S>;
  /** Each has `args.fallback` (the default used) when the key has a default; otherwise the key was ignored. */
  warnings: Problem[];
}

/**
 * Validates entries against a schema and reports EVERY problem at once. An unknown key or a bad value of an
 * optional key is a warning: the block still draws, with that key's default. A bad or missing required key
 * fails, listing the warnings too. An empty block with required keys is `emptyBlock`. Never throws.
 */
export function parseOptions<S extends Schema>(entries: BlockEntries, schema: S): Result<OptionsWithWarnings<S>> {
  const keys = Object.keys(schema);
  const allowed = keys.join(', ');
  const got = new Map<string, unknown>(); // a Map, so no key ever reaches a prototype chain
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const entry of entries.list) {
    const spec = Object.prototype.hasOwnProperty.call(schema, entry.key) ? schema[entry.key] : undefined;
    if (!spec) {
      const suggestions = closestNames(entry.key, keys).join(', ');
      warnings.push({ code: 'unknownKey', args: { key: entry.key, allowed, suggestions }, line: entry.line });
      continue;
    }
    if (isEmpty(entry)) continue;
    const value = parseField(entry, spec);
    if (value.ok) got.set(entry.key, value.value);
    else if ('required' in spec && spec.required) errors.push(...problemsOf(value));
    else {
      const fallback = shownDefault(spec);
      warnings.push(
        ...problemsOf(value).map((p) => (fallback === undefined ? p : { ...p, args: { ...p.args, fallback } })),
      );
    }
  }
  const missing = keys.filter(
    (k) => 'required' in schema[k] && schema[k].required && !got.has(k) && !errors.some((e) => e.args.key === k),
  );
  if (entries.list.length === 0 && missing.length) return fail('emptyBlock', { allowed }, 1);
  for (const key of missing)
    errors.push({
      code: 'missingKey',
      args: { key },
      line: entries.list.find((e) => e.key === key)?.line ?? entries.firstLine,
    });
  if (errors.length) return failAll([...errors, ...warnings]);
  // Output keys come only from the trusted schema; fromEntries defines them as own data properties.
  const out = Object.fromEntries(keys.map((k) => [k, got.has(k) ? got.get(k) : defaultOf(schema[k])]));
  return ok({ options: out as OptionsOf<S>, warnings });
}

/** `parseBlockSyntax` then `parseOptions`: a block body straight to typed options and warnings, or its problems. */
export function parseBlockOptions<S extends Schema>(
  source: string,
  schema: S,
  bareKey: string,
): Result<OptionsWithWarnings<S>> {
  const entries = parseBlockSyntax(source, bareKey);
  return entries.ok ? parseOptions(entries.value, schema) : entries;
}
