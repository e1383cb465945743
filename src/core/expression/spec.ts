/** A definition as a registry entry: the same `ActivationSpec` shape the torch functions have, so every block takes it. */
import type { ActivationFamily, ActivationSpec, ParamSpec, Params } from '../activations/types';
import type { Problem } from '../result';
import type { Definition, ParamDecl } from './ast';
import type { CompiledFunction } from './compile';
import type { DefinitionBlock } from './definitions';
import { ExpressionError } from './expression-error';

/** Slider for a parameter: its `in [a, b]` range, else a symmetric range around 0 that holds the default. */
function paramSpec(p: ParamDecl): ParamSpec {
  const m = Math.max(1, 2 * Math.abs(p.default));
  const [min, max] = p.range ?? [-m, m];
  const step = Math.pow(10, Math.floor(Math.log10((max - min) / 200)));
  return { name: p.name, default: p.default, kind: 'number', slider: { min, max, step } };
}

/**
 * The family that picks defaults elsewhere (gradient-flow's `auto` init and its envelope), read off f′ at the
 * default parameters: `saturating` when |f′(±12)| are both below 10 % of its peak on [−12, 12], `relu` when f′(−12) is exactly
 * 0, `smooth` otherwise.
 */
export function familyOf(df: (x: number) => number): ActivationFamily {
  // A coarse grid (0.2 apart) is enough to classify, and keeps long definitions cheap to read.
  let peak = 0;
  for (let i = 0; i <= 120; i++) {
    const d = Math.abs(df(-12 + i / 5));
    if (d > peak) peak = d;
  }
  const left = Math.abs(df(-12));
  const right = Math.abs(df(12));
  if (peak > 0 && left < 0.1 * peak && right < 0.1 * peak) return 'saturating';
  return left === 0 ? 'relu' : 'smooth';
}

/** Numeric parameters as the compiler takes them. */
function numbers(params: Params): Map<string, number> {
  const map = new Map<string, number>();
  for (const [k, v] of Object.entries(params)) if (typeof v === 'number') map.set(k, v);
  return map;
}

/** The registry entry for `def`, compiled through `block` (which holds the definitions it may call). */
export function definitionSpec(def: Definition, block: DefinitionBlock): ActivationSpec {
  // One slider frame validates, binds and asks for the kinks of one parameters object: it is compiled once for it.
  const byObject = new WeakMap<Params, CompiledFunction>();
  const compiled = (params: Params): CompiledFunction => {
    let c = byObject.get(params);
    if (!c) byObject.set(params, (c = block.compileDefinition(def, numbers(params))));
    return c;
  };
  const defaults = compiled(Object.fromEntries(def.params.map((p) => [p.name, p.default])));
  let family: ActivationFamily | undefined;
  return {
    name: def.name,
    aliases: [],
    params: def.params.map(paramSpec),
    // Read only by the training demos (init, envelope): classified on first use, not for every chart.
    get family(): ActivationFamily {
      return (family ??= familyOf(defaults.df));
    },
    expression: def.source,
    definedIn: { sources: block.definitions.map((d) => d.source), index: block.definitions.indexOf(def) },
    cost: defaults.cost,
    validate: (params): Problem | undefined => {
      try {
        compiled(params);
        return undefined;
      } catch (e) {
        if (e instanceof ExpressionError) return e.toProblem(def.source);
        throw e;
      }
    },
    kinks: (params) => compiled(params).kinks,
    jumps: (params) => compiled(params).jumps,
    bind: (params) => {
      const { f, df } = compiled(params);
      return { f, df };
    },
  };
}
