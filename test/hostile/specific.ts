/**
 * Hostile values for each language's own keys (a bad optional key draws the chart with its default and a
 * warning line; bad functions or parameters show the error box): bad parameters, reversed / NaN / infinite / enormous ranges,
 * `samples: 0` and `1e9`, `depth: 1e6`, and every key at the edge of (or past) what it allows at once.
 */
import type { Category, HostileBlock } from './corpus';
import { chart, error, warning, type Outcome } from './outcome';
import type { KnownLanguage } from './vocabulary';

type Spec = [category: Category, what: string, body: string, outcome: Outcome];

/** A definition of the note's own as long as allowed (~1 900 characters, 240 calls of tanh). */
const HEAVY = `heavy(x) = ${Array.from({ length: 240 }, () => 'tanh(x)').join('+')}`;
/** Sixteen definitions, each calling the previous one twice: 2¹⁶ calls per point unless bounded. */
const DOUBLING = ['f0(x) = x', ...Array.from({ length: 15 }, (_, i) => `f${i + 1}(x) = f${i}(x) + f${i}(x)`)].join('\n  ');

/** The activation names a block may list at most (12), every one with parameters. */
const TWELVE = 'Sigmoid, Tanh, ReLU, GELU, SiLU, Mish, ELU, SELU, CELU, Softplus, Hardswish, Hardtanh';

const ACTIVATION: Spec[] = [
  ['bad-parameter', 'parameter not a number', 'functions: LeakyReLU(negative_slope=abc)', error("'abc'")],
  ['bad-parameter', 'NaN and Infinity parameters', 'functions: PReLU(init=NaN), ELU(alpha=Infinity)', error("'NaN'", "'Infinity'")],
  ['bad-parameter', 'min_val above max_val', 'functions: Hardtanh(min_val=2, max_val=-2)', error('min_val=2, max_val=-2')],
  ['bad-parameter', 'enormous parameters', 'functions: ELU(alpha=1e308), Softplus(beta=1e-300, threshold=1e308), LeakyReLU(negative_slope=-1e308)', chart],
  ['bad-parameter', 'unknown choice and unknown keyword', "functions: GELU(approximate='evil'), ReLU(inplace=maybe)", error("'evil'", "'inplace'")],
  ['bad-parameter', 'missing required parameters and stray parentheses', 'functions: Threshold(), ReLU((1)), Tanh(,,), Sigmoid)(', error('Threshold needs threshold', "'ReLU((1))'", "'Tanh(,,)'", "'Sigmoid)('")],
  ['reversed-range', 'x reversed', 'functions: ReLU\nx: [6, -6]', warning("'[6, -6]'")],
  ['reversed-range', 'x shorthand reversed, y reversed', 'functions: ReLU\nx: 6..-6\ny: [1, -1]', warning("'6..-6'", "'[1, -1]'")],
  ['reversed-range', 'empty x range', 'functions: ReLU\nx: [2, 2]', warning("'[2, 2]'")],
  ['nan-range', 'x NaN', 'functions: ReLU\nx: [NaN, NaN]', warning("'[NaN, NaN]'")],
  ['nan-range', 'y half NaN', 'functions: ReLU\ny: [nan, 1]', warning("'[nan, 1]'")],
  ['infinite-range', 'x infinite', 'functions: ReLU\nx: [-Infinity, Infinity]', warning("'[-Infinity, Infinity]'")],
  ['infinite-range', 'x overflows to infinity', 'functions: ReLU\nx: [-1e400, 1e400]', warning("'[-1e400, 1e400]'")],
  ['infinite-range', 'y infinite', 'functions: ReLU\ny: -inf..inf', warning("'-inf..inf'")],
  ['enormous-range', 'x ±1e6 (the limit) with 5000 samples and 12 functions', `functions: ${TWELVE}\nx: [-1e6, 1e6]\nsamples: 5000`, chart],
  ['enormous-range', 'x ±1e300', 'functions: ReLU\nx: [-1e300, 1e300]', warning('x: [-1e300, 1e300]')],
  ['enormous-range', 'y ±1e12 and a tiny x span', 'functions: Sigmoid\nx: [0, 0.000001]\ny: [-1e12, 1e12]', chart],
  ['enormous-range', 'x far from zero with a tiny span', 'functions: GELU, Softplus\nx: [999999.999999, 1000000]', chart],
  ['enormous-range', 'functions whose values overflow', 'functions: ELU(alpha=1e300), SELU, Softplus(beta=1e-300)\nx: [-1e6, 1e6]', chart],
  ['samples-0', 'samples: 0', 'functions: ReLU\nsamples: 0', warning('samples: 0')],
  ['samples-1e9', 'samples: 1e9', 'functions: ReLU\nsamples: 1e9', warning('samples: 1e9')],
  ['samples-1e9', 'samples: 1e999', 'functions: ReLU\nsamples: 1e999', warning("'1e999'")],
  ['depth-1e6', 'depth: 1e6 on a kind without depth', 'functions: ReLU\ndepth: 1e6', warning("'depth'")],
  // The note's own functions (expressions): never code, errors with a caret; long sampling runs as a job.
  ['unknown-name', 'misspelt function in an expression', 'functions: x * sigmod(x)', error("'sigmod'")],
  ['prototype-keys', 'prototype names as definition, parameter and function', 'define:\n  constructor(x; __proto__=1) = __proto__ * toString(x)\nfunctions: constructor', error("'toString'")],
  ['bad-parameter', 'a parameter depending on x, and a cycle', 'define:\n  f(x) = g(x)\n  g(x) = f(x)\nfunctions: elu(x, alpha=x), f', error('f → g → f')],
  ['malformed-yaml', '5000 nested parentheses', `functions: ${'('.repeat(5000)}x${')'.repeat(5000)}`, error('10001 characters')],
  ['enormous-range', 'sixteen definitions doubling each other', `define:\n  ${DOUBLING}\nfunctions: f15`, error('Line 11', 'at most 4000')],
  ['enormous-range', 'twelve definitions of maximal length with 5000 samples', `functions: ${Array.from({ length: 12 }, (_, i) => HEAVY.replace('heavy', `h${i}`)).join(', ')}\nsamples: 5000`, chart],
];

const GRADIENT_FLOW: Spec[] = [
  ['bad-parameter', 'unknown init, metric and negative width', 'activations: ReLU\ninit: evil\nmetric: nope\nwidth: -1', warning("'evil'", "'nope'", 'width: -1')],
  ['bad-parameter', 'fractional batch, negative seed', 'activations: ReLU\nbatch: 0.5\nseed: -1', warning("'0.5'", 'seed: -1')],
  ['bad-parameter', 'activation parameters out of domain', 'activations: ELU(alpha=-1e308), Hardtanh(min_val=1, max_val=1)', error('min_val=1, max_val=1')],
  ['enormous-range', 'every size at its maximum with 8 activations',
    'activations: Sigmoid, Tanh, ReLU, GELU, SiLU, Mish, ELU, Softplus\ndepth: 200\nwidth: 512\nbatch: 256', error('width: 512')],
  ['enormous-range', 'widest and deepest network, one activation', 'activations: ReLU\ndepth: 200\nwidth: 512\nbatch: 256', error('width: 512')],
  ['enormous-range', 'exploding activations', 'activations: ELU(alpha=1e300)\ndepth: 200\nwidth: 64\ninit: he_normal', chart],
  ['enormous-range', 'within the memory guard: computes in the background', 'activations: Sigmoid, Tanh, ReLU\ndepth: 200\nwidth: 256\nbatch: 64', chart],
  ['enormous-range', 'seed at 2^53', 'activations: ReLU\nseed: 9007199254740993', warning('seed: 9007199254740993')],
  ['samples-0', 'samples: 0 on a kind without samples', 'activations: ReLU\nsamples: 0', warning("'samples'")],
  ['samples-1e9', 'batch: 1e9', 'activations: ReLU\nbatch: 1e9', warning('batch: 1e9')],
  ['depth-1e6', 'depth: 1e6', 'activations: ReLU\ndepth: 1e6', warning('depth: 1e6')],
  ['depth-1e6', 'depth: -1e6 and width: 1e6', 'activations: ReLU\ndepth: -1e6\nwidth: 1e6', warning('depth: -1e6', 'width: 1e6')],
  ['enormous-range', 'a definition of maximal length at the largest sizes', `activations: ${HEAVY}\ndepth: 200\nwidth: 512\nbatch: 256`, error('width: 512')],
  ['enormous-range', 'eight definitions of maximal length (computes in the background)', `activations: ${Array.from({ length: 8 }, (_, i) => HEAVY.replace('heavy', `h${i}`)).join(', ')}\ndepth: 50\nwidth: 64`, chart],
];

const DEAD_RELU: Spec[] = [
  ['bad-parameter', 'negative and non-numeric learning rates', 'activations: ReLU\nlr: -1, abc', warning('lr: -1')],
  ['bad-parameter', 'learning rates that overflow', 'activations: ReLU, LeakyReLU\nlr: 1e308, 1e300\nsteps: 50', warning('lr: 1e308')],
  ['bad-parameter', 'zero width, NaN lr', 'activations: ReLU\nwidth: 0\nlr: NaN', warning('width: 0', "'NaN'")],
  ['enormous-range', 'every size enormous', 'activations: ReLU, LeakyReLU, ELU, GELU\nlr: 0.01, 0.1, 1, 10\nwidth: 100000\nsamples: 100000\nsteps: 100000', warning('width: 100000', 'samples: 100000', 'steps: 100000')],
  ['enormous-range', 'every size at its maximum (trains in the background)',
    'activations: ReLU, LeakyReLU, ELU, GELU\nlr: 0.001, 0.002, 0.003, 0.004\nwidth: 256\nsamples: 1024\nsteps: 1000', chart],
  ['enormous-range', 'lr list of 1000 values', `activations: ReLU\nlr: ${Array.from({ length: 1000 }, (_, i) => (i + 1) / 1000).join(', ')}`, warning('lr: 1000 items')],
  ['samples-0', 'samples: 0', 'activations: ReLU\nsamples: 0', warning('samples: 0')],
  ['samples-1e9', 'samples: 1e9', 'activations: ReLU\nsamples: 1e9', warning('samples: 1e9')],
  ['depth-1e6', 'steps: 1e6 and depth: 1e6', 'activations: ReLU\nsteps: 1e6\ndepth: 1e6', warning('steps: 1e6', "'depth'")],
  ['enormous-range', 'definitions of maximal length with every size at its maximum',
    `activations: ${Array.from({ length: 4 }, (_, i) => HEAVY.replace('heavy', `h${i}`)).join(', ')}\nlr: 0.001, 0.002, 0.003, 0.004\nwidth: 256\nsamples: 1024\nsteps: 1000`, chart],
];

const ZERO_CENTERED: Spec[] = [
  ['bad-parameter', 'learning rate that overflows', 'inputs: Sigmoid, Tanh\nlr: 1e308\nsteps: 40', warning('lr: 1e308')],
  ['bad-parameter', 'non-numeric w0 and w_star', 'inputs: Sigmoid\nw0: abc\nw_star: [1, two]', warning("'abc'", "'two'")],
  ['bad-parameter', 'unknown input activation parameters', 'inputs: Sigmoid(beta=2), Tanh(inplace=1)', error("'beta'", "'inplace'")],
  ['nan-range', 'w0 NaN', 'inputs: Sigmoid\nw0: [NaN, 1]', warning("'NaN'")],
  ['infinite-range', 'w_star infinite', 'inputs: Sigmoid\nw_star: [Infinity, -Infinity]', warning("'Infinity'")],
  ['enormous-range', 'w0 and w_star enormous', 'inputs: Sigmoid, Tanh\nw0: [1e300, -1e300]\nw_star: [-1e300, 1e300]', warning('w0: 1e300', 'w_star: -1e300')],
  ['enormous-range', 'every size at its maximum', 'inputs: Sigmoid, Tanh, ReLU, GELU\nlr: 10\nsteps: 1000\nsamples: 1024\nw0: [100, -100]\nw_star: [-100, 100]', chart],
  ['enormous-range', 'steps and samples enormous', 'inputs: Sigmoid, Tanh\nsteps: 10000000\nsamples: 10000000', warning('steps: 10000000', 'samples: 10000000')],
  ['samples-0', 'samples: 0', 'inputs: Sigmoid\nsamples: 0', warning('samples: 0')],
  ['samples-1e9', 'samples: 1e9', 'inputs: Sigmoid\nsamples: 1e9', warning('samples: 1e9')],
  ['depth-1e6', 'steps: 1e6 and depth: 1e6', 'inputs: Sigmoid\nsteps: 1e6\ndepth: 1e6', warning('steps: 1e6', "'depth'")],
];

const NONLINEARITY: Spec[] = [
  ['bad-parameter', 'unknown data set, zero width, negative lr', 'activations: Identity, ReLU\ndata: evil\nwidth: 0\nlr: -1', warning("'evil'", 'width: 0', 'lr: -1')],
  ['bad-parameter', 'learning rate at its maximum', 'activations: Identity, Tanh, ReLU\nlr: 10\nsteps: 300', chart],
  ['bad-parameter', 'Identity with parameters, an unknown activation', 'activations: Identity(x=1), Sigmod', error("'Sigmod'")],
  ['enormous-range', 'every size at its maximum (trains in the background)', 'activations: Identity, ReLU, Tanh, GELU\nwidth: 64\npoints: 1000\nsteps: 5000', chart],
  ['enormous-range', 'a long run', 'activations: ReLU, Tanh\nwidth: 64\npoints: 1000\nsteps: 150', chart],
  ['enormous-range', 'exploding activations', 'activations: ELU(alpha=1e300), Softplus(beta=1e-300)\nlr: 10', chart],
  ['samples-1e9', 'points: 1e9', 'activations: ReLU\npoints: 1e9', warning('points: 1e9')],
  ['depth-1e6', 'steps: 1e6 and depth: 1e6', 'activations: ReLU\nsteps: 1e6\ndepth: 1e6', warning('steps: 1e6', "'depth'")],
];

const SPECIFIC: Record<KnownLanguage, Spec[]> = {
  activation: ACTIVATION, 'gradient-flow': GRADIENT_FLOW, 'dead-relu': DEAD_RELU, 'zero-centered': ZERO_CENTERED, nonlinearity: NONLINEARITY,
};

/** The language's own hostile blocks (none for a language the issues do not define). */
export function specificHostileBlocks(language: string): HostileBlock[] {
  const specs = (SPECIFIC as Record<string, Spec[] | undefined>)[language] ?? [];
  return specs.map(([category, what, source, outcome]) => ({
    name: `${language} / ${category} / ${what}`, category, language, source, ...outcome,
  }));
}
