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
  /**
   * The formula as a function (for plotting), compiled when first asked for: a long note's findings keep only
   * where the formula's text is, not its tokens, tree or compiled function.
   */
  fn?: () => NoteFunction;
}

/** Default x range, the activation block's default. */
export const FORMULA_RANGE: [number, number] = [-6, 6];

/**
 * The torch activation a heading names (`## ReLU`, `## Leaky ReLU 函数`), if any: the whole heading, else the
 * longest run of up to three of its words that spells one (`Leaky ReLU`, not the `ReLU` in it).
 */
function headingName(heading: string): string | undefined {
  const whole = torchName(heading);
  if (whole) return whole;
  const words = heading.split(/[^A-Za-z0-9_-]+/).filter(Boolean);
  for (let n = Math.min(3, words.length); n > 0; n--)
    for (let i = 0; i + n <= words.length; i++) {
      const name = torchName(words.slice(i, i + n).join(''));
      if (name) return name;
    }
  return undefined;
}

type Checked = Omit<FormulaFinding, 'line' | 'notation' | 'own'>;

/** torch's f or f′ at its default parameters, and the points where its values are conventions (kinks, jumps). */
interface Torch {
  fn: (x: number) => number;
  conventions: number[];
}

function torchOf(name: string, order: 0 | 1): Torch | null {
  const torch = bindActivation(name);
  const spec = findActivation(name);
  if (!torch.ok || !spec.ok) return null;
  const t = torch.value;
  const jumps = spec.value.jumps?.(t.params) ?? [];
  return {
    fn: order ? (x) => t.df(x) : (x) => t.f(x),
    conventions: order ? [...spec.value.kinks(t.params), ...jumps] : jumps,
  };
}

/**
 * The formula as a function, rebuilt from the math's text when first asked for. A finding keeps no tokens, tree or
 * compiled function (keeping them made a 1 MB note spend a third of its time collecting garbage), and the closure
 * is made here, outside the checking, so it holds these three values and nothing of the loop.
 */
function lazyFunction(name: string, variable: string, reread: () => Equation['sides'][number]): () => NoteFunction {
  let fn: NoteFunction | undefined;
  return () => {
    if (!fn) {
      const pieces = parseRhs(reread().tokens, variable);
      fn = noteFunction(pieces, bindSymbols(name, pieces));
    }
    return fn;
  };
}

/** One side of an equation checked against torch's function (null when torch has none by that name). */
function checkSide(
  torch: Torch | null,
  name: string,
  order: 0 | 1,
  variable: string,
  side: Equation['sides'][number],
  range: readonly [number, number],
  reread: () => Equation['sides'][number],
): Checked | null {
  if (!torch) return null;
  try {
    const pieces = parseRhs(side.tokens, variable);
    const params = bindSymbols(name, pieces);
    const c = compare(noteFunction(pieces, params), torch.fn, range, torch.conventions, side.approx);
    const verdict = c.differs.length ? 'differs' : c.undefined.length ? 'undefined' : 'agrees';
    return { name, order, verdict, comparison: c, fn: lazyFunction(name, variable, reread) };
  } catch (e) {
    if (e instanceof NotUnderstood) return { name, order, verdict: 'unparsed', token: e.token };
    throw e;
  }
}

/** A finding of `checked` at `line` (fields copied one by one: spreading objects of many shapes is slow). */
function finding(checked: Checked, line: number, notation: string): FormulaFinding {
  const { name, order, verdict, comparison, token, fn } = checked;
  const f: FormulaFinding = { name, order, verdict, line, notation };
  if (comparison) f.comparison = comparison;
  if (token !== undefined) f.token = token;
  if (fn) f.fn = fn;
  return f;
}

/** A stated f′ against the automatic derivative of the note's own f (where both are defined). */
function ownDerivative(df: NoteFunction, f: NoteFunction, range: readonly [number, number]): Interval[] {
  const slope = (x: number) => {
    const d = f.slope(x);
    return Number.isNaN(d) ? (df.values(x)[0] ?? NaN) : d;
  };
  // Where f′ says "undefined", compare() finds it undefined, not different: only `differs` is kept.
  return compare(df, slope, range, f.breaks).differs;
}

/** Reads side `s` of equation `e` of `tex` again (a closure over four values, not over the loop's objects). */
function rereader(tex: string, named: string | undefined, e: number, s: number): () => Equation['sides'][number] {
  return () => readEquations(tex, named)[e].sides[s];
}

/** Every recognised formula of `markdown`, in order; math that defines no torch activation gives nothing. */
export function checkNote(markdown: string, range: readonly [number, number] = FORMULA_RANGE): FormulaFinding[] {
  // Spans come in order, so lines are counted forwards once.
  let line = 1;
  let counted = 0;
  const lineOf = (at: number) => {
    for (; counted < at; counted++) if (markdown.charCodeAt(counted) === 10) line++;
    return line;
  };
  // A long note repeats formulas: each distinct one is checked once.
  const memo = new Map<string, Checked | null>();
  // One torch function per name and order for the whole note: compare() keeps its values on the grid by function.
  const torches = new Map<string, Torch | null>();
  const torch = (name: string, order: 0 | 1) => {
    const key = `${name} ${order}`;
    if (!torches.has(key)) torches.set(key, torchOf(name, order));
    return torches.get(key) ?? null;
  };
  const out: FormulaFinding[] = [];
  const headings = new Map<string, string | undefined>();
  for (const span of mathSpans(markdown)) {
    let named = headings.get(span.heading);
    if (!headings.has(span.heading)) headings.set(span.heading, (named = headingName(span.heading)));
    const { tex } = span;
    readEquations(tex, named).forEach((eq, e) => {
      eq.sides.forEach((side, s) => {
        const key = `${eq.name}|${eq.order}|${eq.variable}|${side.approx}|${side.tokens.map((t) => t.text).join(' ')}`;
        let checked = memo.get(key);
        const reread = rereader(tex, named, e, s);
        if (checked === undefined)
          memo.set(
            key,
            (checked = checkSide(torch(eq.name, eq.order), eq.name, eq.order, eq.variable, side, range, reread)),
          );
        if (checked) out.push(finding(checked, lineOf(span.at + side.at), eq.notation));
      });
    });
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
    const [df, ff] = [d.fn(), f.fn()];
    const byF = pairs.get(df) ?? new Map<NoteFunction, Interval[]>();
    pairs.set(df, byF);
    const differs = byF.get(ff) ?? ownDerivative(df, ff, range);
    byF.set(ff, differs);
    d.own = { notation: f.notation, differs };
  }
  return out;
}
