/**
 * Every formula of a note that defines a torch activation, checked: read from LaTeX, compiled by the expression
 * language, compared with torch's f or f′, and a stated f′ also with the automatic derivative of the note's own f.
 */
import { bindActivation, findActivation } from '../activations';
import { compare, type Comparison, type Interval } from './check-formula';
import { readEquations, type Equation } from './formula-rows';
import { mathSpans } from './math-spans';
import { bindSymbols, noteFunction, type NoteFunction } from './note-function';
import { NotUnderstood, parseRhs } from './tex-parser';
import { torchName } from './torch-names';

/** agrees / differs / undefined (no case applies somewhere) / unparsed (not understood). */
export type Verdict = 'agrees' | 'differs' | 'undefined' | 'unparsed';

/** One formula of the note and what checking it found. */
export interface FormulaFinding {
  /** 1-based line of the note where the formula's right side starts. */
  line: number;
  /** torch's canonical name. */
  name: string;
  order: 0 | 1;
  /** The left side in the note's notation, as plain text (`ReLU′(x)`). */
  notation: string;
  verdict: Verdict;
  /** What the grid showed (absent when unparsed). */
  comparison?: Comparison;
  /** The token the reader stopped at, when unparsed. */
  token?: string;
  /** For a stated f′ when the note also defines f: where it differs from f's automatic derivative. */
  own?: { notation: string; differs: Interval[] };
  /** The formula as a function (for plotting). */
  fn?: NoteFunction;
}

/** Default x range, the activation block's default. */
export const FORMULA_RANGE: [number, number] = [-6, 6];

/** The torch activation a heading names (`## ReLU`, `## Leaky ReLU 函数`), if any. */
function headingName(heading: string): string | undefined {
  return (
    torchName(heading) ??
    heading
      .split(/[^A-Za-z0-9_-]+/)
      .map(torchName)
      .find(Boolean)
  );
}

type Checked = Omit<FormulaFinding, 'line' | 'notation' | 'own'>;

function checkSide(
  name: string,
  order: 0 | 1,
  variable: string,
  side: Equation['sides'][number],
  range: readonly [number, number],
): Checked | null {
  const torch = bindActivation(name);
  const spec = findActivation(name);
  if (!torch.ok || !spec.ok) return null;
  const base = { name, order };
  try {
    const pieces = parseRhs(side.tokens, variable);
    const fn = noteFunction(pieces, bindSymbols(name, pieces));
    const t = torch.value;
    const jumps = spec.value.jumps?.(t.params) ?? [];
    const c = compare(
      fn,
      order ? (x) => t.df(x) : (x) => t.f(x),
      range,
      order ? [...spec.value.kinks(t.params), ...jumps] : jumps,
      side.approx,
    );
    const verdict = c.differs.length ? 'differs' : c.undefined.length ? 'undefined' : 'agrees';
    return { ...base, verdict, comparison: c, fn };
  } catch (e) {
    if (e instanceof NotUnderstood) return { ...base, verdict: 'unparsed', token: e.token };
    throw e;
  }
}

/** A stated f′ against the automatic derivative of the note's own f (where both are defined). */
function ownDerivative(df: NoteFunction, f: NoteFunction, range: readonly [number, number]): Interval[] {
  const slope = (x: number) => {
    const d = f.slope(x);
    return Number.isNaN(d) ? (df.values(x)[0] ?? NaN) : d;
  };
  const defined = { ...df, values: (x: number) => (df.values(x).some(Number.isNaN) ? [] : df.values(x)) };
  return compare(defined, slope, range, f.breaks).differs;
}

/** Every recognised formula of `markdown`, in order; math that defines no torch activation gives nothing. */
export function checkNote(markdown: string, range: readonly [number, number] = FORMULA_RANGE): FormulaFinding[] {
  // Spans come in order, so lines are counted forwards once.
  let line = 1;
  let counted = 0;
  const lineOf = (at: number) => {
    if (at < counted) {
      line = 1;
      counted = 0;
    }
    for (; counted < at; counted++) if (markdown.charCodeAt(counted) === 10) line++;
    return line;
  };
  // A long note repeats formulas: each distinct one is checked once.
  const memo = new Map<string, Checked | null>();
  const out: FormulaFinding[] = [];
  for (const span of mathSpans(markdown)) {
    for (const eq of readEquations(span.tex, headingName(span.heading))) {
      for (const side of eq.sides) {
        const key = `${eq.name}|${eq.order}|${eq.variable}|${side.approx}|${side.tokens.map((t) => t.text).join(' ')}`;
        let checked = memo.get(key);
        if (checked === undefined) memo.set(key, (checked = checkSide(eq.name, eq.order, eq.variable, side, range)));
        if (checked) out.push({ ...checked, line: lineOf(span.at + side.at), notation: eq.notation });
      }
    }
  }
  // Each f′ meets the note's nearest f above it (else the first below), compared once per distinct pair.
  const first = new Map<string, FormulaFinding>();
  for (const g of out) if (g.order === 0 && g.fn && !first.has(g.name)) first.set(g.name, g);
  const latest = new Map<string, FormulaFinding>();
  const pairs = new Map<NoteFunction, Map<NoteFunction, Interval[]>>();
  for (const d of out) {
    if (d.order === 0 && d.fn) latest.set(d.name, d);
    const f = latest.get(d.name) ?? first.get(d.name);
    if (d.order === 0 || !f?.fn || !d.fn) continue;
    const byF = pairs.get(d.fn) ?? new Map<NoteFunction, Interval[]>();
    pairs.set(d.fn, byF);
    const differs = byF.get(f.fn) ?? ownDerivative(d.fn, f.fn, range);
    byF.set(f.fn, differs);
    d.own = { notation: f.notation, differs };
  }
  return out;
}
