/** api.checkFormulas: the documented shape, on the seed note's formulas and a wrong one. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/api';

const api = createApi();

describe('api.checkFormulas', () => {
  it('reports each recognised formula of the seed note with line, torch name, order and verdict', () => {
    const md = readFileSync('test/fixtures/vault/激活函数.md', 'utf8');
    const found = api.checkFormulas(md);
    expect(found.map((f) => [f.line, f.name, f.order, f.verdict])).toEqual([
      [20, 'Sigmoid', 0, 'agrees'],
      [21, 'Sigmoid', 1, 'agrees'],
      [37, 'Tanh', 0, 'agrees'],
      [38, 'Tanh', 1, 'agrees'],
      [49, 'ReLU', 0, 'agrees'],
      [50, 'ReLU', 1, 'undefined'],
      [71, 'PReLU', 0, 'agrees'],
    ]);
    expect(found[5].intervals).toEqual([[0, 1]]);
    expect(found[5].message).toMatch(/^ReLU′\(x\) is undefined on \(0, 1\]/);
    expect(found[0]).toEqual({
      line: 20,
      name: 'Sigmoid',
      order: 0,
      verdict: 'agrees',
      message: "Sigmoid(x) agrees with torch's Sigmoid on [−6, 6]",
    });
  });

  it('gives intervals and the largest difference for a formula that differs, over the x range asked for', () => {
    // 0.1x against torch's 0.01x on [−2, 1]: off by 0.09|x| for x < 0, at most 0.18 at x = −2.
    const [f] = api.checkFormulas('$\\text{LeakyReLU}(x)=\\max(0.1x, x)$', { x: [-2, 1] });
    expect(f.verdict).toBe('differs');
    expect(f.intervals?.[0][0]).toBe(-2);
    expect(f.intervals?.[0][1]).toBeCloseTo(-1 / 90, 9);
    expect(f.maxAbsDiff).toBeCloseTo(0.18, 12);
  });

  it('names what it did not understand, and leaves other math alone', () => {
    expect(api.checkFormulas('$\\sigma(x) = \\frac{1}{1+e^{-kx}}$ and $E = mc^2$')).toEqual([
      { line: 1, name: 'Sigmoid', order: 0, verdict: 'unparsed', message: 'σ(x): not understood: k' },
    ]);
  });

  it('refuses bad arguments with a plain Error', () => {
    expect(() => api.checkFormulas(42 as unknown as string)).toThrow(TypeError);
    expect(() => api.checkFormulas('', { x: [1, -1] })).toThrow(/a < b/);
  });
});
