/**
 * Block lists of activations (`Sigmoid, LeakyReLU(negative_slope=0.2), swish(x; beta=1.5) = x * sigmoid(beta * x)`)
 * → specs with resolved parameters. Items may be torch names or calls, the note's own definitions, names of
 * definitions given under `define:`, or bare expressions in x.
 */
import { findActivation, parseActivationCall, resolveParams } from '../core/activations';
import { scanActivationCall } from '../core/activations/parse-activation-call';
import type { ActivationSpec, Params } from '../core/activations/types';
import { definitionSpecs, looksLikeExpression, readDefinition, type Definition } from '../core/expression';
import { fail, failAll, ok, type Problem, type Result } from '../core/result';

/** One activation as a block names it: its spec and its (slider-adjustable) parameters. */
export interface NamedActivation {
  spec: ActivationSpec;
  params: Params;
}

/** A list key's items and the line of the key (problems point there). */
export interface ListAt {
  items: readonly string[];
  line: number;
  /** Each item's own line, when the items are lines of a block list. */
  itemLines?: readonly number[];
}

/** `name(x` or `name(x;` followed, somewhere, by `=`: an item that defines a function (one linear scan). */
const DEFINITION_HEAD = /^\s*[A-Za-z_]\w*\s*\(\s*x\s*[;)][^=]*=/;

const at = (problem: Problem, line: number): Result<never> => ({ ok: false, problem: { ...problem, line } });

/** A torch activation by name or call: the spec and its resolved parameters. */
function torchItem(item: string): Result<NamedActivation> {
  const call = parseActivationCall(item);
  if (!call.ok) return call;
  const found = findActivation(call.value.name);
  if (!found.ok) return found;
  const params = resolveParams(found.value, call.value.params);
  return params.ok ? ok({ spec: found.value, params: params.value }) : params;
}

type Slot =
  | { kind: 'torch'; a: NamedActivation }
  | { kind: 'definition'; def: Definition }
  | { kind: 'reference'; name: string; params: Record<string, string> };

/** The block's definitions read so far, and the line each `define:` item sits on. */
interface Read {
  definitions: Definition[];
  lineOf: Map<string, number>;
}

/** Reads the `define:` items: named definitions only, each problem on its own line. */
function readDefines(define: ListAt | undefined, line: number): Result<Read> {
  const read: Read = { definitions: [], lineOf: new Map() };
  for (const [i, text] of (define?.items ?? []).entries()) {
    const itemLine = define?.itemLines?.[i] ?? define?.line ?? line;
    const d = readDefinition(text);
    if (!d.ok) return at(d.problem, itemLine);
    if (!d.value.named)
      return at(
        { code: 'exprUnexpected', args: { found: text, expected: 'definition', column: 1, source: text } },
        itemLine,
      );
    read.definitions.push(d.value);
    if (!read.lineOf.has(text)) read.lineOf.set(text, itemLine);
  }
  return ok(read);
}

/** `pr(a=0.25)`: a call of the block's own function with each parameter by name, at its default (`sq` without any). */
function byNameExample({ name, params }: Definition): string {
  return params.length ? `${name}(${params.map((p) => `${p.name}=${p.default}`).join(', ')})` : name;
}

/**
 * What each item is: a definition, a reference to one (a definition's name comes before torch's: `swish`
 * defined in the note is the note's swish), a torch function, or a bare expression. Definitions written as
 * items are read first, so every name is known before references are.
 */
function classify(items: readonly string[], read: Read, line: number): Result<Slot[]> {
  // Every item's problem is reported at once, on the list key's line.
  const problems: Problem[] = [];
  const written = new Map<number, Definition>();
  for (const [i, item] of items.entries()) {
    if (!DEFINITION_HEAD.test(item)) continue;
    const d = readDefinition(item);
    if (!d.ok) {
      problems.push({ ...d.problem, line });
      continue;
    }
    read.definitions.push(d.value);
    written.set(i, d.value);
  }
  const named = new Map(read.definitions.filter((d) => d.named).map((d) => [d.name, d]));
  const slots: Slot[] = [];
  for (const [i, item] of items.entries()) {
    const def = written.get(i);
    if (DEFINITION_HEAD.test(item) && !def) continue; // its problem is already listed
    const scanned = def ? undefined : scanActivationCall(item);
    const own = scanned?.ok ? named.get(scanned.value.name) : undefined;
    if (def) slots.push({ kind: 'definition', def });
    else if (scanned?.ok && own) {
      const { name, positional } = scanned.value;
      if (positional.length === 0) slots.push({ kind: 'reference', name, params: { ...scanned.value.named } });
      else problems.push({ code: 'ownFunctionPositional', args: { name, example: byNameExample(own) }, line });
    } else {
      const torch = torchItem(item);
      if (torch.ok) slots.push({ kind: 'torch', a: torch.value });
      else if (!looksLikeExpression(item)) problems.push({ ...torch.problem, line });
      else {
        const d = readDefinition(item);
        if (!d.ok) problems.push({ ...d.problem, line });
        else {
          read.definitions.push(d.value);
          slots.push({ kind: 'definition', def: d.value });
        }
      }
    }
  }
  return problems.length ? failAll(problems) : ok(slots);
}

/**
 * Resolves every item; the items' problems are all reported on `line` (the list key's line), a `define:`
 * item's on its own line. Definitions anywhere in the block may call each other by name (no cycles).
 */
export function resolveActivationList(
  items: readonly string[],
  line: number,
  key: string,
  define?: ListAt,
): Result<NamedActivation[]> {
  const read = readDefines(define, line);
  if (!read.ok) return read;
  const slots = classify(items, read.value, line);
  if (!slots.ok) return slots;
  const { definitions, lineOf } = read.value;
  const compiled = definitionSpecs(definitions);
  // A problem found by reading the definitions together points at the definition's own line.
  if (!compiled.ok) return at(compiled.problem, lineOf.get(String(compiled.problem.args.source)) ?? line);
  const specOf = new Map(definitions.map((d, i) => [d, compiled.value.specs[i]]));
  const out: NamedActivation[] = [];
  for (const slot of slots.value) {
    if (slot.kind === 'torch') out.push(slot.a);
    else if (slot.kind === 'definition') {
      const spec = specOf.get(slot.def)!;
      out.push({ spec, params: Object.fromEntries(spec.params.map((p) => [p.name, p.default!])) });
    } else {
      const spec = specOf.get(compiled.value.block.get(slot.name)!)!;
      const params = resolveParams(spec, slot.params);
      if (!params.ok) return at(params.problem, line);
      out.push({ spec, params: params.value });
    }
  }
  return out.length > 0 ? ok(out) : fail('missingKey', { key }, line);
}

/** How a function is labelled: `Sigmoid`, or `LeakyReLU(negative_slope=0.2)` when a parameter differs from torch's default. */
export function activationLabel({ spec, params }: NamedActivation): string {
  const changed = spec.params.filter((p) => params[p.name] !== p.default);
  if (changed.length === 0) return spec.name;
  const args = changed.map(
    (p) =>
      `${p.name}=${typeof params[p.name] === 'number' ? formatParam(params[p.name] as number) : String(params[p.name])}`,
  );
  return `${spec.name}(${args.join(', ')})`;
}

/** Parameter values as people write them: 0.25, not 0.25000000000000006. */
export function formatParam(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** The same activation with one parameter changed, if the new value is valid (sliders may cross a relation such as min_val < max_val). */
export function withParam(a: NamedActivation, name: string, value: number): NamedActivation {
  const next = resolveParams(a.spec, { ...a.params, [name]: value });
  return next.ok ? { spec: a.spec, params: next.value } : a;
}

/** How many torch functions' worth of work one evaluation of `a` is (≥ 1): the note's own functions may cost more. */
export function workWeight(a: NamedActivation): number {
  return Math.max(1, (a.spec.cost ?? 0) / 10);
}
