/** Fuzzed LaTeX never throws and never hangs; a 1 MB note is checked in bounded time. */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../../src/core/latex/check-note';
import { CORPUS } from './corpus';

const PIECES = [
  '\\frac',
  '{',
  '}',
  '(',
  ')',
  '\\left(',
  '\\right)',
  '\\left\\{',
  '\\right.',
  '^',
  '_',
  '-',
  '+',
  '*',
  '/',
  '=',
  '&',
  ',',
  '\\\\',
  '<',
  '>',
  '\\le',
  '\\geq',
  '|',
  '\\begin{cases}',
  '\\end{cases}',
  '\\begin{array}{ll}',
  '\\end{array}',
  '\\text{if }',
  '\\text{otherwise}',
  'x',
  'z',
  'a',
  '\\alpha',
  '\\beta',
  'e',
  '0',
  '1',
  '0.01',
  '2',
  '\\sqrt',
  '\\exp',
  '\\ln',
  '\\log',
  '\\tanh',
  '\\sigma',
  '\\max',
  '\\min',
  '\\{',
  '\\}',
  "'",
  '^{\\prime}',
  '\\mathbb{1}',
  '\\Phi',
  '\\pi',
  '\\,',
  '\\quad',
  '\\cdot',
  '\\times',
  'ReLU',
  'Sigmoid',
  '\\text{ReLU}',
  '\\operatorname{ELU}',
  'Tanh',
  'max',
  'PReLU',
  '\\approx',
  '%',
  '$',
  '\n',
  ' ',
  '\\',
  '\\text{',
  '\\begin{align}',
  '\\end{align}',
  '\\sqrt[3]',
];
const HEADS = [
  'ReLU(x)=',
  "ReLU'(x)=",
  '\\sigma(x)=',
  'f(x)=',
  '\\text{Leaky ReLU}(x)=',
  '\\tanh^{\\prime}(x)=',
  'ELU(z)=',
  '\\frac{d}{dx}\\tanh(x)=',
  '',
];

const formula = fc
  .tuple(fc.constantFrom(...HEADS), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }))
  .map(([head, body]) => head + body.join(''));
const mutated = fc
  .tuple(fc.constantFrom(...CORPUS.map((c) => c.md)), fc.nat(), fc.nat(), fc.string({ maxLength: 6 }))
  .map(([md, i, j, s]) => md.slice(0, i % (md.length + 1)) + s + md.slice((i % (md.length + 1)) + (j % 4)));

describe('fuzzed LaTeX', () => {
  it('never throws and takes at most 50 ms per formula (5 000 formulas)', () => {
    // CPU time of this process, not wall time: the machine running the tests may be shared. A case over the
    // bound is run twice more and its best time kept, so one garbage-collection pause does not count against it.
    const cpuMs = (run: () => void) => {
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.oneof(formula, mutated, fc.string({ maxLength: 80 })),
        fc.constantFrom('$$', '$'),
        fc.constantFrom('ReLU', 'Softplus', 'ELU', ''),
        (tex, fence, heading) => {
          const note = `## ${heading}\n${fence}${tex}${fence}\n`;
          let found: ReturnType<typeof checkNote> = [];
          let took = cpuMs(() => (found = checkNote(note)));
          for (let k = 0; k < 2 && took > 50; k++)
            took = Math.min(
              took,
              cpuMs(() => checkNote(note)),
            );
          slowest = Math.max(slowest, took);
          for (const f of found) expect(['agrees', 'differs', 'undefined', 'unparsed']).toContain(f.verdict);
        },
      ),
      { numRuns: 5000, seed: 17 },
    );
    expect(slowest).toBeLessThanOrEqual(50);
  }, 120_000);

  it('checks a 1 MB note within a generous bound (the bench measures it: npm run bench:formulas)', () => {
    const seed = readFileSync('test/fixtures/vault/激活函数.md', 'utf8');
    const corpus = CORPUS.map((c) => c.md).join('\n\n');
    let note = '';
    for (let k = 0; note.length < 1_000_000; k++)
      note += `${seed}\n\n${corpus.replace(/0\.01/g, `0.0${(k % 9) + 1}`)}\n\n`;
    const start = performance.now();
    const found = checkNote(note);
    const ms = performance.now() - start;
    expect(found.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(5000);
  }, 60_000);
});
