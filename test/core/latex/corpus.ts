/**
 * Formulas as different authors write them (Chinese and English study notes, d2l, Wikipedia, CS231n), each with
 * the verdict worked out by hand from the math — not from the checker. Wrong ones carry the mistake they make
 * and, where it is easy to derive on paper, where they differ and by how much (x range [−6, 6], tolerance 10⁻³).
 */

/** One expected finding; intervals as [from, to, fromOpen, toOpen]. */
export interface Expected {
  name: string;
  order: 0 | 1;
  verdict: 'agrees' | 'differs' | 'undefined' | 'unparsed';
  intervals?: [number, number, boolean, boolean][];
  maxAbsDiff?: number;
  token?: string;
  /** For a stated f′: whether it matches the automatic derivative of the note's own f. */
  ownAgrees?: boolean;
}

/** A note fragment: the heading it sits under, the Markdown, and every finding expected from it, in order. */
export interface CorpusCase {
  style: string;
  heading?: string;
  md: string;
  expect: Expected[];
  /** What is wrong with it, for the deliberately wrong ones. */
  mistake?: string;
}

const σ = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const ok = (name: string, order: 0 | 1 = 0): Expected => ({ name, order, verdict: 'agrees' });

export const CORPUS: CorpusCase[] = [
  // CS231n notes
  { style: 'cs231n', md: '$\\sigma(x) = 1 / (1 + e^{-x})$', expect: [ok('Sigmoid')] },
  { style: 'cs231n', md: '$\\tanh(x) = 2 \\sigma(2x) -1$', expect: [ok('Tanh')] },
  { style: 'cs231n', heading: 'ReLU', md: '$f(x) = \\max(0, x)$', expect: [ok('ReLU')] },
  {
    style: 'cs231n',
    heading: 'Leaky ReLU',
    md: '$f(x) = \\mathbb{1}(x < 0) (\\alpha x) + \\mathbb{1}(x>=0) (x)$',
    expect: [ok('LeakyReLU')],
  },
  // Wikipedia
  {
    style: 'wikipedia',
    md: '$$\\sigma(x)=\\frac{1}{1+e^{-x}}=\\frac{e^x}{1+e^x}$$',
    expect: [ok('Sigmoid'), ok('Sigmoid')],
  },
  {
    style: 'wikipedia',
    heading: 'ELU',
    md: '$$f(x) = \\begin{cases} x & \\text{if } x > 0,\\\\ a \\left(e^x-1\\right) & \\text{otherwise}. \\end{cases}$$',
    expect: [ok('ELU')],
  },
  { style: 'wikipedia', heading: 'Softplus', md: '$$f(x)=\\ln(1+e^x)$$', expect: [ok('Softplus')] },
  {
    style: 'wikipedia',
    heading: 'Leaky ReLU',
    md: '$$f(x)=\\begin{cases}x & \\text{if } x>0,\\\\ 0.01x & \\text{otherwise}.\\end{cases}$$',
    expect: [ok('LeakyReLU')],
  },
  { style: 'wikipedia', md: '$$\\operatorname{SiLU}(x) = x \\cdot \\sigma(x)$$', expect: [ok('SiLU')] },
  { style: 'wikipedia', md: '$$\\text{GELU}(x)=x\\Phi(x)$$', expect: [ok('GELU')] },
  {
    style: 'wikipedia',
    md: '$$\\mathrm{GELU}(x) \\approx 0.5x\\left(1+\\tanh\\left[\\sqrt{2/\\pi}\\left(x+0.044715x^3\\right)\\right]\\right)$$',
    expect: [ok('GELU')],
  },
  { style: 'wikipedia', heading: 'Softsign', md: '$f(x)=\\frac{x}{1+|x|}$', expect: [ok('Softsign')] },
  // d2l
  { style: 'd2l', md: '$$\\operatorname{ReLU}(x) = \\max(x, 0).$$', expect: [ok('ReLU')] },
  { style: 'd2l', md: '$$\\operatorname{sigmoid}(x) = \\frac{1}{1 + \\exp(-x)}.$$', expect: [ok('Sigmoid')] },
  {
    style: 'd2l',
    md: '$$\\frac{d}{dx} \\operatorname{sigmoid}(x) = \\frac{\\exp(-x)}{(1 + \\exp(-x))^2} = \\operatorname{sigmoid}(x)\\left(1-\\operatorname{sigmoid}(x)\\right).$$',
    expect: [ok('Sigmoid', 1), ok('Sigmoid', 1)],
  },
  { style: 'd2l', md: '$$\\operatorname{tanh}(x) = \\frac{1 - \\exp(-2x)}{1 + \\exp(-2x)}.$$', expect: [ok('Tanh')] },
  {
    style: 'd2l',
    md: '$$\\frac{d}{dx} \\operatorname{tanh}(x) = 1 - \\operatorname{tanh}^2(x).$$',
    expect: [ok('Tanh', 1)],
  },
  { style: 'd2l', md: '$$\\operatorname{pReLU}(x) = \\max(0, x) + \\alpha \\min(0, x).$$', expect: [ok('PReLU')] },
  // Chinese notes
  {
    style: 'zh',
    md: '$$\\text{LeakyReLU}(x)=\\begin{cases}x, & x\\geq0\\\\ \\alpha x, & x<0\\end{cases}$$',
    expect: [ok('LeakyReLU')],
  },
  { style: 'zh', md: '$\\text{ReLU6}(x)=\\min(\\max(0,x),6)$', expect: [ok('ReLU6')] },
  {
    style: 'zh',
    md: '$$\\text{Hardsigmoid}(x)=\\begin{cases}0, & x\\le -3\\\\ 1, & x\\ge 3\\\\ \\frac{x}{6}+\\frac{1}{2}, & \\text{其他}\\end{cases}$$',
    expect: [ok('Hardsigmoid')],
  },
  { style: 'zh', md: '$$\\text{Hardswish}(x) = x \\cdot \\frac{\\text{ReLU6}(x+3)}{6}$$', expect: [ok('Hardswish')] },
  {
    style: 'zh',
    md: '$$\\text{SELU}(x)=\\lambda\\begin{cases}x & x>0\\\\ \\alpha e^x-\\alpha & x\\le 0\\end{cases}$$',
    expect: [ok('SELU')],
  },
  {
    style: 'zh',
    md: '$$SELU(x) = 1.0507 \\begin{cases} x, & x > 0 \\\\ 1.67326 (e^{x} - 1), & x \\leq 0 \\end{cases}$$',
    expect: [ok('SELU')],
  },
  { style: 'zh', md: '$\\text{Tanhshrink}(x) = x - \\tanh(x)$', expect: [ok('Tanhshrink')] },
  { style: 'zh', md: '$\\text{LogSigmoid}(x)=\\log\\left(\\frac{1}{1+e^{-x}}\\right)$', expect: [ok('LogSigmoid')] },
  {
    style: 'zh',
    md: '$$\\text{Hardtanh}(x)=\\begin{cases}1 & x>1\\\\ -1 & x<-1\\\\ x & \\text{otherwise}\\end{cases}$$',
    expect: [ok('Hardtanh')],
  },
  { style: 'zh', md: '$\\text{CELU}(x)=\\max(0,x)+\\min(0,\\alpha(\\exp(x/\\alpha)-1))$', expect: [ok('CELU')] },
  { style: 'zh', md: '$\\text{Softplus}(x)=\\frac{1}{\\beta}\\log(1+\\exp(\\beta x))$', expect: [ok('Softplus')] },
  { style: 'zh', md: "$$ReLU'(x)=\\begin{cases}1, & x>0\\\\ 0, & x\\le 0\\end{cases}$$", expect: [ok('ReLU', 1)] },
  { style: 'en', md: "$\\sigma'(x)=\\sigma(x)(1-\\sigma(x))$", expect: [ok('Sigmoid', 1)] },
  {
    style: 'en',
    md: "$$ELU'(x)=\\begin{cases}1 & x>0\\\\ \\alpha e^{x} & x\\le0\\end{cases}$$",
    expect: [ok('ELU', 1)],
  },
  { style: 'en', md: '$$\\text{ReLU}(z) = \\max\\{0, z\\}$$', expect: [ok('ReLU')] },
  { style: 'en', md: '$\\tanh(x) = \\frac{e^x-e^{-x}}{e^x+e^{-x}}$', expect: [ok('Tanh')] },
  { style: 'en', md: "$\\tanh'(x)=1-\\tanh^2(x)$", expect: [ok('Tanh', 1)] },
  { style: 'en', md: "$\\text{SiLU}'(x)=\\sigma(x)(1+x(1-\\sigma(x)))$", expect: [ok('SiLU', 1)] },
  { style: 'en', md: '$\\text{Mish}(x) = x\\tanh(\\ln(1+e^{x}))$', expect: [ok('Mish')] },
  { style: 'zh', md: '$\\operatorname{Leaky ReLU}(x)=\\max(0.01x,\\, x)$', expect: [ok('LeakyReLU')] },
  {
    style: 'zh',
    md: '$$\\text{ReLU}(x)=\\left\\{\\begin{array}{ll} x, & x>0 \\\\ 0, & x\\le0 \\end{array}\\right.$$',
    expect: [ok('ReLU')],
  },
  // The note leaves ReLU′(0) undefined on purpose: a kink, so reported beside torch's 0, not judged.
  {
    style: 'en',
    md: "$$ReLU'(x)=\\begin{cases} 1 & x>0 \\\\ \\text{undefined} & x = 0 \\\\ 0 & x<0\\end{cases}$$",
    expect: [ok('ReLU', 1)],
  },
  {
    style: 'wikipedia',
    md: '$$\\begin{aligned} \\text{GELU}(x) &\\approx 0.5x(1+\\tanh(\\sqrt{2/\\pi}(x+0.044715x^3))) \\\\ &\\approx x\\sigma(1.702x) \\end{aligned}$$',
    expect: [ok('GELU'), ok('GELU')],
  },
  { style: 'en', md: '$\\text{Softsign}(x) = \\frac{x}{1 + \\lvert x \\rvert}$', expect: [ok('Softsign')] },
  {
    style: 'en',
    md: '$\\text{SiLU}(x) = x \\times \\sigma(x) = x * \\text{sigmoid}(x)$',
    expect: [ok('SiLU'), ok('SiLU')],
  },

  // Deliberately wrong.
  {
    style: 'en',
    mistake: 'sign error in the exponent',
    md: '$\\sigma(x) = \\frac{1}{1+e^{x}}$',
    // σ(x) − σ(−x) = tanh(x/2): over 10⁻³ once |x| > 2·atanh(10⁻³); largest at ±6, tanh(3).
    expect: [
      {
        name: 'Sigmoid',
        order: 0,
        verdict: 'differs',
        intervals: [
          [-6, -2 * Math.atanh(1e-3), false, true],
          [2 * Math.atanh(1e-3), 6, true, false],
        ],
        maxAbsDiff: Math.tanh(3),
      },
    ],
  },
  {
    style: 'en',
    mistake: 'wrong derivative: + instead of −',
    md: "$\\sigma'(x)=\\sigma(x)(1+\\sigma(x))$",
    // The difference is 2σ²: over 10⁻³ once σ(x) > √0.0005, i.e. x > logit(√0.0005); largest at x = 6.
    expect: [
      {
        name: 'Sigmoid',
        order: 1,
        verdict: 'differs',
        intervals: [[logit(Math.sqrt(5e-4)), 6, true, false]],
        maxAbsDiff: 2 * σ(6) ** 2,
      },
    ],
  },
  {
    style: 'zh',
    mistake: 'ELU without the −1',
    md: '$$\\text{ELU}(x)=\\begin{cases}x & x>0\\\\ \\alpha e^x & x\\le 0\\end{cases}$$',
    // α·eˣ − α·(eˣ − 1) = α = 1 on all of x ≤ 0, the point 0 included.
    expect: [{ name: 'ELU', order: 0, verdict: 'differs', intervals: [[-6, 0, false, false]], maxAbsDiff: 1 }],
  },
  {
    style: 'zh',
    mistake: 'gap between the cases (the seed note)',
    md: "$$ReLU'(x)=\\begin{cases}\n0, x\\leq0\\\\\n1, x>1\n\\end{cases}$$",
    expect: [{ name: 'ReLU', order: 1, verdict: 'undefined', intervals: [[0, 1, true, false]] }],
  },
  {
    style: 'en',
    mistake: 'overlapping cases that disagree',
    md: '$$ReLU(x)=\\begin{cases}x, & x\\geq -1\\\\ 0, & x\\le 0\\end{cases}$$',
    // On [−1, 0) both cases apply, x against torch's 0: over 10⁻³ for x < −10⁻³.
    expect: [{ name: 'ReLU', order: 0, verdict: 'differs', intervals: [[-1, -1e-3, false, true]], maxAbsDiff: 1 }],
  },
  {
    style: 'zh',
    mistake: "slope 0.1 instead of torch's 0.01",
    md: '$\\text{LeakyReLU}(x)=\\max(0.1x, x)$',
    // 0.1x − 0.01x = 0.09x: over 10⁻³ for x < −1/90.
    expect: [
      {
        name: 'LeakyReLU',
        order: 0,
        verdict: 'differs',
        intervals: [[-6, -1 / 90, false, true]],
        maxAbsDiff: 0.09 * 6,
      },
    ],
  },
  {
    style: 'en',
    mistake: 'wrong derivative: 1 + tanh²',
    md: "$\\tanh'(x) = 1 + \\tanh^2(x)$",
    // The difference 2·tanh²x exceeds 10⁻³ once |tanh x| > √0.0005.
    expect: [
      {
        name: 'Tanh',
        order: 1,
        verdict: 'differs',
        intervals: [
          [-6, -Math.atanh(Math.sqrt(0.0005)), false, true],
          [Math.atanh(Math.sqrt(0.0005)), 6, true, false],
        ],
        maxAbsDiff: 2 * Math.tanh(6) ** 2,
      },
    ],
  },
  {
    style: 'en',
    mistake: 'e^{-x} instead of e^{x}',
    md: '$\\text{Softplus}(x) = \\ln(1 + e^{-x})$',
    // ln(1 + e⁻ˣ) = softplus(x) − x: off by |x|, within 10⁻³ only for |x| ≤ 10⁻³ (softplus is < 1 there).
    expect: [
      {
        name: 'Softplus',
        order: 0,
        verdict: 'differs',
        intervals: [
          [-6, -1e-3, false, true],
          [1e-3, 6, true, false],
        ],
        maxAbsDiff: 6,
      },
    ],
  },
  {
    style: 'zh',
    mistake: 'the points ±1 belong to no case',
    md: '$$\\text{Hardtanh}(x)=\\begin{cases}-1 & x<-1\\\\ x & -1<x<1\\\\ 1 & x>1\\end{cases}$$',
    expect: [
      {
        name: 'Hardtanh',
        order: 0,
        verdict: 'undefined',
        intervals: [
          [-1, -1, false, false],
          [1, 1, false, false],
        ],
      },
    ],
  },
  {
    style: 'en',
    mistake: 'sign of the negative part',
    md: '$PReLU(x)=\\max(0,x)-a\\min(0,x)$',
    // Off by 2·0.25·|x|: over 10⁻³ for x < −0.002.
    expect: [
      { name: 'PReLU', order: 0, verdict: 'differs', intervals: [[-6, -0.002, false, true]], maxAbsDiff: 2 * 0.25 * 6 },
    ],
  },
  {
    style: 'en',
    mistake: 'e^{-x} in ELU′',
    md: "$$ELU'(x)=\\begin{cases}1 & x>0\\\\ e^{-x} & x\\le0\\end{cases}$$",
    // e⁻ˣ − eˣ = 2·sinh|x| for x < 0: over 10⁻³ once |x| > asinh(0.0005); largest at x = −6.
    expect: [
      {
        name: 'ELU',
        order: 1,
        verdict: 'differs',
        intervals: [[-6, -Math.asinh(5e-4), false, true]],
        maxAbsDiff: Math.exp(6) - Math.exp(-6),
      },
    ],
  },
  {
    style: 'en',
    mistake: 'SiLU written for GELU',
    md: '$\\text{GELU}(x) = x\\,\\sigma(x)$',
    expect: [{ name: 'GELU', order: 0, verdict: 'differs' }],
  },
  {
    style: 'en',
    mistake: 'coth for tanh (0/0 at x = 0)',
    md: '$\\tanh(x)=\\frac{e^x+e^{-x}}{e^x-e^{-x}}$',
    expect: [{ name: 'Tanh', order: 0, verdict: 'differs' }],
  },
  {
    style: 'zh',
    mistake: 'only one case: nothing for x < 0',
    md: "$$\\text{ReLU}'(x)=\\begin{cases}1 & x>0\\end{cases}$$",
    expect: [{ name: 'ReLU', order: 1, verdict: 'undefined', intervals: [[-6, 0, false, true]] }],
  },
  {
    style: 'en',
    mistake: "LeakyReLU′ with ReLU′'s 0",
    md: "$$\\text{LeakyReLU}'(x)=\\begin{cases}1 & x\\ge0\\\\ 0 & x<0\\end{cases}$$",
    expect: [{ name: 'LeakyReLU', order: 1, verdict: 'differs', intervals: [[-6, 0, false, true]], maxAbsDiff: 0.01 }],
  },
  {
    style: 'en',
    mistake: "f wrong, f′ right: f′ is not the derivative of the note's f",
    md: "$\\sigma(x)=\\frac{1}{1+e^{x}}$ and $\\sigma'(x)=\\sigma(x)(1-\\sigma(x))$",
    expect: [
      { name: 'Sigmoid', order: 0, verdict: 'differs' },
      { name: 'Sigmoid', order: 1, verdict: 'agrees', ownAgrees: false },
    ],
  },

  // Not understood: named, never guessed.
  {
    style: 'en',
    md: '$\\sigma(x) = \\frac{1}{1+e^{-kx}}$',
    expect: [{ name: 'Sigmoid', order: 0, verdict: 'unparsed', token: 'k' }],
  },
  {
    style: 'en',
    md: '$\\text{ReLU}(x) = \\operatorname{foo}(x)$',
    expect: [{ name: 'ReLU', order: 0, verdict: 'unparsed', token: '\\text{foo}' }],
  },
  {
    style: 'en',
    md: '$\\text{Sigmoid}(x) = \\frac{1}{1+e^-x}$',
    expect: [{ name: 'Sigmoid', order: 0, verdict: 'unparsed', token: '-' }],
  },

  // Math that defines no activation: no finding.
  { style: 'zh', md: '$$\\begin{align}\nH&=XW^1+b^1 \\\\\nY&=HW^2+b^2\n\\end{align}$$', expect: [] },
  { style: 'zh', md: '$T(\\alpha_1+\\alpha_2)=T(\\alpha_1)+T(\\alpha_2)$', expect: [] },
  { style: 'en', heading: 'Loss', md: '$f(x) = x^2$ and $y = wx + b$', expect: [] },
];
