/** The text each "Insert …" command puts into a note: a ready, valid block of each kind (pure). */
import { findActivation } from '../core/activations';
import { DEFAULT_SETTINGS } from '../core/settings';
import type { FieldSpec } from '../core/syntax/options';
import type { AnyBlockKind } from './block-kind';

/**
 * Values for parameters torch gives no default (only Threshold has such). Chosen so the chart shows what
 * makes the function special: with threshold ≠ value the jump at the threshold is visible.
 */
const REQUIRED_EXAMPLES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  Threshold: { threshold: 1, value: -1 },
};

/** A fenced block: language line, body lines, closing fence, trailing newline. */
function fence(language: string, lines: readonly string[]): string {
  return ['```' + language, ...lines, '```'].join('\n') + '\n';
}

/** `name` as an `activation` list item, with example values for parameters torch requires (unknown names as given). */
export function activationCall(name: string): string {
  const found = findActivation(name);
  if (!found.ok) return name;
  const spec = found.value;
  const required = spec.params.filter((p) => p.default === undefined);
  if (required.length === 0) return spec.name;
  const examples = REQUIRED_EXAMPLES[spec.name] ?? {};
  const args = required.map((p) => {
    const fallback = p.slider ? (p.slider.min + p.slider.max) / 2 : 0;
    return `${p.name}=${examples[p.name] ?? fallback}`;
  });
  return `${spec.name}(${args.join(', ')})`;
}

/** An ```activation block drawing one function (and, by the user's settings, its derivative). */
export function activationTemplate(name: string): string {
  return fence('activation', [`functions: ${activationCall(name)}`]);
}

/**
 * An ```activation block with a definition of the note's own to edit, drawn beside the torch function it
 * generalises: swish with a slider for β (β = 1 is SiLU).
 */
export function expressionTemplate(): string {
  return fence('activation', ['functions: SiLU, swish(x; beta=1.5 in [0, 5]) = x * sigmoid(beta * x)']);
}

/** A default value as a block line writes it: lists comma-separated, as the block syntax reads them back. */
function written(spec: FieldSpec): string {
  const value = 'default' in spec ? spec.default : undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The example block a kind's insert command puts into a note: its `insert.keys`, each at its schema default. */
export function exampleBlock(kind: AnyBlockKind): string {
  const schema = kind.schema(DEFAULT_SETTINGS);
  return fence(
    kind.language,
    (kind.insert?.keys ?? []).map((key) => `${key}: ${written(schema[key])}`),
  );
}

/**
 * What to insert at a cursor so that `block` starts on a line of its own: a line break first when text
 * precedes the cursor on its line. The block ends with a line break, so text after the cursor moves below it.
 */
export function insertionAt(block: string, textBeforeCursor: string): string {
  return textBeforeCursor.trim() === '' ? block : '\n' + block;
}
