/** The text each "Insert …" command puts into a note: a ready, valid block of each kind (pure). */
import { findActivation } from './activations';

/** Kinds the insert commands know, by fence language. */
export type TemplateKind = 'gradient-flow' | 'dead-relu' | 'zero-centered';

/**
 * Values for parameters torch gives no default (only Threshold has such). Chosen so the chart shows what
 * makes the function special: with threshold ≠ value the jump at the threshold is visible.
 */
const REQUIRED_EXAMPLES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  Threshold: { threshold: 1, value: -1 },
};

/** The default demos, with the keys their issues document; the block fills in the rest from its defaults. */
const DEMOS: Readonly<Record<TemplateKind, readonly string[]>> = {
  'gradient-flow': ['activations: Sigmoid, Tanh, ReLU', 'depth: 20', 'width: 32'],
  'dead-relu': ['activations: ReLU, LeakyReLU', 'lr: 0.01, 0.1', 'steps: 60'],
  'zero-centered': ['inputs: Sigmoid, Tanh'],
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

/** The default block of a demo kind. */
export function demoTemplate(kind: TemplateKind): string {
  return fence(kind, DEMOS[kind]);
}

/**
 * What to insert at a cursor so that `block` starts on a line of its own: a line break first when text
 * precedes the cursor on its line. The block ends with a line break, so text after the cursor moves below it.
 */
export function insertionAt(block: string, textBeforeCursor: string): string {
  return textBeforeCursor.trim() === '' ? block : '\n' + block;
}
