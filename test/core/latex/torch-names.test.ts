/** torch's names as notes spell them: torch.nn's class names and aliases, case, spaces, `-`, `_`, \sigma, \tanh. */
import { describe, expect, it, vi } from 'vitest';

describe('torchName', () => {
  it('finds the canonical torch.nn name of every spelling, and nothing for other words', async () => {
    // A fresh module: its table is built in this test (the module caches it on first use).
    vi.resetModules();
    const { torchName } = await import('../../../src/core/latex/torch-names');
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
