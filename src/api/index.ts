/**
 * The public API other plugins and DataviewJS reach as `app.plugins.plugins["activation-lab"].api`.
 * Pure: it wraps the core and throws plain `Error`s with English messages for bad input.
 */
import { activationNames, bindActivation, findActivation } from '../core/activations';
import type { Activation, ParamValue } from '../core/activations/types';
import { IDENTITY, trainClassifier, type ClassifierInput, type ClassifierRun } from '../core/engines/classifier';
import { bindExpression } from '../core/expression';
import { deadRelu, type DeadReluInput, type DeadReluRun } from '../core/engines/dead-relu/dead-relu';
import type { InitName } from '../core/engines/init';
import { gradientFlow, type GradientFlow, type GradientFlowInput } from '../core/engines/gradient-flow/network';
import { gradientFlowDemo, type GradientFlowDemo } from '../core/engines/gradient-flow/demo';
import type { Problem, Result } from '../core/result';
import { zigzag, type ZigzagInput, type ZigzagRun } from '../core/engines/zigzag/zigzag';
import { formatProblem } from '../i18n';
import { checkNote, FORMULA_RANGE, type Verdict } from '../core/latex/check-note';
import { formulaMessage } from '../blocks/formula-message';

/** The version of this API; follows the plugin's version (checked against manifest.json in tests). */
export const API_VERSION = '0.1.0';

/** Names an activation the way the API takes it: a torch name or alias plus optional keyword parameters. */
export interface ActivationRef {
  activation: string;
  params?: Record<string, ParamValue>;
}

/** One formula of a note that defines a torch activation, checked against torch (`checkFormulas`). */
export interface FormulaCheck {
  /** 1-based line of the note. */
  line: number;
  /** torch's canonical name, e.g. `ReLU`. */
  name: string;
  /** 0: the formula defines f; 1: f′. */
  order: 0 | 1;
  verdict: Verdict;
  /** Where it differs (verdict `differs`) or no case applies (`undefined`), as [from, to]. */
  intervals?: [number, number][];
  /** Largest |note − torch| where it differs. */
  maxAbsDiff?: number;
  /** The finding in English, with open/closed interval ends, kinks and the check against the note's own f. */
  message: string;
}

/** What `plugin.api` offers. New members may be added in minor versions; none is removed without a major one. */
export interface ActivationLabApi {
  /** This API's version, e.g. "0.1.0". */
  readonly version: string;
  /** Canonical torch.nn names of every supported activation. */
  activationNames(): string[];
  /**
   * An activation with defaults filled in, e.g. `activation('leaky_relu', { negative_slope: 0.2 })`.
   * Throws an Error naming the problem ("unknown activation 'sigmod'. Did you mean 'Sigmoid'?").
   */
  activation(name: string, params?: Record<string, ParamValue>): Activation;
  /**
   * The caller's own activation from a definition or a bare expression in x, e.g.
   * `expression('swish(x; beta=1) = x * sigmoid(beta * x)', { beta: 2 })`: f, and f′ by automatic
   * differentiation. Throws an Error naming the problem and its column ("Column 5: unknown name 'sigmod'. …").
   */
  expression(source: string, params?: Record<string, number>): Activation;
  /** Per-layer gradient statistics of a given MLP (arrays indexed by layer, first layer first). */
  gradientFlow(input: ActivationRef & Omit<GradientFlowInput, 'activation'>): GradientFlow;
  /** The same for a network drawn from a seed; `init` defaults by activation family (Xavier / He). */
  gradientFlowDemo(
    input: ActivationRef & { depth: number; width: number; batch: number; init?: InitName; seed: number },
  ): GradientFlowDemo;
  /** Dead ReLU training run: loss, dead units and their gradient norm per step. */
  deadRelu(input: ActivationRef & Omit<DeadReluInput, 'activation'>): DeadReluRun;
  /** Zig-zag run of one linear neuron: weights, loss and sign statistics per step. */
  zigzag(input: ZigzagInput): ZigzagRun;
  /**
   * A 2 → H → 1 classifier trained by full-batch gradient descent on BCE-with-logits: loss and accuracy per step
   * (s = 0..steps) and the final parameters. `activation: "Identity"` means no activation (one linear map).
   */
  classifier(input: ActivationRef & Omit<ClassifierInput, 'activation'>): ClassifierRun;
  /**
   * Every `$…$` / `$$…$$` formula of `markdown` that defines a torch activation (`ReLU'(x) = …`, `\sigma(x) = …`),
   * compared with torch's f or f′ over `x` (default [−6, 6]). Other math is ignored.
   */
  checkFormulas(markdown: string, options?: { x?: [number, number] }): FormulaCheck[];
}

/** Returns the value or throws an Error whose message is the problem in English. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(problemMessage(result.problem));
}

/** A problem as the API reports it: English, without a block line number. */
export function problemMessage(problem: Problem): string {
  const { line: _line, ...rest } = problem;
  return formatProblem(rest, 'en');
}

/** Binds an activation by name for the engines, throwing like `activation()` does. */
function bind(ref: ActivationRef): Activation & { family: ReturnType<typeof familyOf> } {
  if (typeof ref.activation !== 'string') throw new TypeError('activation must be a string such as "ReLU"');
  const bound = unwrap(bindActivation(ref.activation, ref.params ?? {}));
  return { ...bound, family: familyOf(bound.name) };
}

function familyOf(name: string) {
  return unwrap(findActivation(name)).family;
}

/** Builds the API object. */
export function createApi(): ActivationLabApi {
  return Object.freeze({
    version: API_VERSION,
    activationNames: () => activationNames(),
    activation: (name: string, params: Record<string, ParamValue> = {}) => {
      if (typeof name !== 'string')
        throw new TypeError('activation(name, params): name must be a string such as "ReLU"');
      return unwrap(bindActivation(name, params));
    },
    expression: (source: string, params: Record<string, number> = {}) => {
      if (typeof source !== 'string')
        throw new TypeError('expression(source, params): source must be a string such as "x * sigmoid(x)"');
      return unwrap(bindExpression(source, params));
    },
    gradientFlow: (input) => gradientFlow({ ...input, activation: bind(input) }),
    gradientFlowDemo: (input) => {
      const a = bind(input);
      return gradientFlowDemo({ ...input, activation: a, family: a.family });
    },
    deadRelu: (input) => deadRelu({ ...input, activation: bind(input) }),
    zigzag: (input) => zigzag(input),
    classifier: (input) => {
      const activation = input.activation === 'Identity' ? IDENTITY : bind(input);
      const { loss, accuracy, W1, b1, W2, b2 } = trainClassifier({ ...input, activation });
      return { loss, accuracy, W1, b1, W2, b2 };
    },
    checkFormulas: (markdown: string, options: { x?: [number, number] } = {}) => {
      if (typeof markdown !== 'string')
        throw new TypeError('checkFormulas(markdown, options): markdown must be a string');
      const x = options.x ?? FORMULA_RANGE;
      if (
        !Array.isArray(x) ||
        x.length !== 2 ||
        !x.every((v) => typeof v === 'number' && Math.abs(v) <= 1e6) ||
        !(x[0] < x[1])
      ) {
        throw new TypeError('checkFormulas: x must be [a, b] with a < b and |a|, |b| ≤ 1e6');
      }
      return checkNote(markdown, x).map((f): FormulaCheck => {
        const c = f.comparison;
        const list = f.verdict === 'differs' ? c?.differs : f.verdict === 'undefined' ? c?.undefined : undefined;
        return {
          line: f.line,
          name: f.name,
          order: f.order,
          verdict: f.verdict,
          ...(list ? { intervals: list.map((i): [number, number] => [i.from, i.to]) } : {}),
          ...(f.verdict === 'differs' && c ? { maxAbsDiff: c.maxAbsDiff } : {}),
          message: formulaMessage(f, 'en', x),
        };
      });
    },
  } satisfies ActivationLabApi);
}
