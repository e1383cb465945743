/** torch's activations as functions of an expression: looked up by exact lower-case name or alias, nothing else. */
import { describe, expect, it } from 'vitest';
import { activationSpecs } from '../../../src/core/activations';
import { torchFunction, torchFunctionNames } from '../../../src/core/expression/torch-functions';

describe('torchFunction', () => {
  it('finds each of the 23 activations by its lower-cased name and by each alias', () => {
    const specs = activationSpecs();
    expect(specs).toHaveLength(23);
    for (const spec of specs) {
      expect(torchFunction(spec.name.toLowerCase())?.name, spec.name).toBe(spec.name);
      for (const alias of spec.aliases) expect(torchFunction(alias)?.name, alias).toBe(spec.name);
    }
  });

  it('the functional names students type: leaky_relu, logsigmoid, silu and swish, relu6', () => {
    expect(torchFunction('leaky_relu')?.name).toBe('LeakyReLU');
    expect(torchFunction('logsigmoid')?.name).toBe('LogSigmoid');
    expect(torchFunction('silu')?.name).toBe('SiLU');
    expect(torchFunction('swish')?.name).toBe('SiLU');
    expect(torchFunction('relu6')?.name).toBe('ReLU6');
  });

  it('is exact: no capitals, no object property names', () => {
    for (const name of ['Sigmoid', 'RELU', 'toString', 'constructor', '__proto__', 'hasOwnProperty', ''])
      expect(torchFunction(name), name).toBeUndefined();
  });
});

describe('torchFunctionNames', () => {
  it('lists every name torchFunction knows, once each, all lower case', () => {
    const names = torchFunctionNames();
    const expected = activationSpecs().flatMap((s) => [s.name.toLowerCase(), ...s.aliases]);
    expect(new Set(names)).toEqual(new Set(expected));
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toBe(n.toLowerCase());
  });
});
