/** The parse step every kind shares: only `define` takes plain lines, one item each. */
import { describe, expect, it } from 'vitest';
import { activationBlock } from '../../src/blocks/activation';
import { env, parseOk } from './fixtures';

describe('parseWithSchema', () => {
  it('takes plain indented lines as items under define only; under another list key they are refused', () => {
    const o = parseOk(activationBlock, 'define:\n  sq(x) = x * x\n  cube(x) = x * x * x\nfunctions: sq, cube');
    expect(o.functions.map((f) => f.spec.name)).toEqual(['sq', 'cube']);
    const r = activationBlock.parse('functions:\n  ReLU', env());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ code: 'syntax', line: 2, args: { expected: 'keyValue' } });
  });
});
