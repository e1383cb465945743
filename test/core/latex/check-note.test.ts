/**
 * checkNote over whole notes: which function a heading names, what a finding carries, formulas repeated or nearly
 * repeated, functions torch cannot be compared with, and which f each stated f′ is checked against.
 */
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../../src/core/latex/check-note';

/** name, order, verdict of each finding. */
const verdicts = (md: string) => checkNote(md).map((f) => [f.name, f.order, f.verdict]);

// σ′ = σ(1 − σ) is Sigmoid's derivative; 1/(1 + eˣ) = σ(−x) is not Sigmoid (it differs by tanh(x/2)).
const SIGMA = '$\\sigma(x) = \\frac{1}{1+e^{-x}}$';
const WRONG_SIGMA = '$\\sigma(x) = \\frac{1}{1+e^{x}}$';
const UNREAD_SIGMA = '$\\sigma(x) = \\frac{1}{1+e^{-kx}}$';
const DSIGMA = "$\\sigma'(x) = \\sigma(x)(1-\\sigma(x))$";

describe('checkNote', () => {
  it('takes the longest activation name a heading spells', () => {
    // max(0.01x, x) is LeakyReLU at torch's default slope 0.01; against ReLU it would differ.
    for (const heading of ['Leaky ReLU 函数', '函数：Leaky ReLU', 'Leaky-ReLU (the leaky one)', 'LeakyReLU'])
      expect(verdicts(`## ${heading}\n$f(x) = \\max(0.01x, x)$`)).toEqual([['LeakyReLU', 0, 'agrees']]);
    expect(verdicts('## ReLU and its derivative\n$f(x) = \\max(0, x)$')).toEqual([['ReLU', 0, 'agrees']]);
    expect(verdicts('## Notes\n$f(x) = \\max(0, x)$')).toEqual([]);
  });

  it('gives each finding its line, and only the fields its verdict has', () => {
    const [agrees, unread] = checkNote(`# N\n\ntext\n${SIGMA}\n\n${UNREAD_SIGMA}`);
    expect([agrees.line, unread.line]).toEqual([4, 6]);
    expect(agrees.verdict).toBe('agrees');
    expect('token' in agrees).toBe(false);
    expect(agrees.fn?.().values(0)).toEqual([0.5]);
    expect(unread).toMatchObject({ verdict: 'unparsed', token: 'k' });
    expect('comparison' in unread || 'fn' in unread).toBe(false);
  });

  it('checks a repeated formula once per distinct text, not once per length', () => {
    // Same number of tokens, different functions: min(0, x) is not ReLU.
    expect(
      verdicts('$\\text{ReLU}(x) = \\max(0, x)$ $\\text{ReLU}(x) = \\min(0, x)$ $\\text{ReLU}(x) = \\max(0, x)$'),
    ).toEqual([
      ['ReLU', 0, 'agrees'],
      ['ReLU', 0, 'differs'],
      ['ReLU', 0, 'agrees'],
    ]);
  });

  it('leaves out a function torch cannot evaluate without arguments (Threshold has no defaults)', () => {
    expect(verdicts('$\\text{Threshold}(x) = \\max(0, x)$ and $\\text{ReLU}(x) = \\max(0, x)$')).toEqual([
      ['ReLU', 0, 'agrees'],
    ]);
  });

  describe('a stated f′ against the note’s own f', () => {
    const own = (md: string) =>
      checkNote(md)
        .filter((f) => f.order === 1)
        .map((f) => (f.own ? [f.own.notation, f.own.differs.length > 0] : 'none'));

    it('meets the nearest f above it', () => {
      expect(own(`${SIGMA} ${DSIGMA} ${WRONG_SIGMA} ${DSIGMA}`)).toEqual([
        ['σ(x)', false],
        ['σ(x)', true],
      ]);
      expect(own(`${WRONG_SIGMA} ${SIGMA} ${DSIGMA}`)).toEqual([['σ(x)', false]]);
    });

    it('meets the first f below it when none is above, and never an f it could not read', () => {
      expect(own(`${DSIGMA} ${WRONG_SIGMA} ${SIGMA}`)).toEqual([['σ(x)', true]]);
      expect(own(`${UNREAD_SIGMA} ${DSIGMA} ${WRONG_SIGMA}`)).toEqual([['σ(x)', true]]);
      expect(own(`${WRONG_SIGMA} ${UNREAD_SIGMA} ${DSIGMA}`)).toEqual([['σ(x)', true]]);
      expect(own(`${UNREAD_SIGMA} ${DSIGMA}`)).toEqual(['none']);
      expect(own(DSIGMA)).toEqual(['none']);
    });

    it('is not different where f′ is undefined or f is (their slopes are compared where both exist)', () => {
      // ReLU′ undefined at 0; f = ReLU with a gap on (0, 1], where its slope is taken from the f′ itself.
      const dRelu = "$$ReLU'(x)=\\begin{cases} 1 & x>0 \\\\ \\text{undefined} & x = 0 \\\\ 0 & x<0\\end{cases}$$";
      expect(own(`$\\text{ReLU}(x) = \\max(0, x)$\n${dRelu}`)).toEqual([['ReLU(x)', false]]);
      const gap = '$$ReLU(x)=\\begin{cases} x & x>1 \\\\ 0 & x \\le 0\\end{cases}$$';
      expect(own(`${gap}\n$$ReLU'(x)=\\begin{cases} 1 & x>0 \\\\ 0 & x\\le 0\\end{cases}$$`)).toEqual([
        ['ReLU(x)', false],
      ]);
    });
  });
});
