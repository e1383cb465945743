/** torch's names as notes spell them: torch.nn's class names and aliases, case, spaces, `-`, `_`, \sigma, \tanh. */
//
// Imported at load, not re-imported inside the test after vi.resetModules(): that would run the top-level code of
// every module torch-names reaches (each activation's spec, erf's tables) inside this test, and mutation testing
// would count it all as covered by this one test instead of as load-time (static) code.
import { describe, expect, it } from 'vitest';
import { torchName } from '../../../src/core/latex/torch-names';

describe('torchName', () => {
  it('finds the canonical torch.nn name of every spelling, and nothing for other words', () => {
    expect(
      ['\\sigma', '\\tanh', 'swish', 'Swish', 'Leaky ReLU', 'leaky_relu', 'LeakyReLU', 'sigmoid', 'ReLU6', 'gelu'].map(
        torchName,
      ),
    ).toEqual(['Sigmoid', 'Tanh', 'SiLU', 'SiLU', 'LeakyReLU', 'LeakyReLU', 'LeakyReLU', 'Sigmoid', 'ReLU6', 'GELU']);
    // A command is looked up as written: \relu is no spelling of ReLU, nor \swish of SiLU, and \Sigma is a sum.
    expect(['\\relu', '\\swish', '\\Sigma', 'relu\\', 'sigma', 'Softmax', ''].map(torchName)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
