/**
 * The memory guard of ```gradient-flow: blocks are refused only past 256 MB of weights and activations, computed
 * from the keys; the figure is checked against the arrays a network really holds and against a hand count.
 */
import { describe, expect, it } from 'vitest';
import { gradientFlowBlock } from '../../src/blocks/gradient-flow';
import { gradientFlowData } from '../../src/core/engines/gradient-flow/data';
import { gradientFlowBytes, MEMORY_GUARD_BYTES } from '../../src/core/engines/gradient-flow/memory';
import { formatProblem } from '../../src/i18n';
import { env, firstProblem, parseOk } from './fixtures';

const problemOf = (source: string, lang: 'en' | 'zh' = 'en') =>
  formatProblem(firstProblem(gradientFlowBlock.parse(source, env(lang))), lang);

describe('the memory guard', () => {
  it('counts a network as the arrays it is drawn into, and one run’s buffers by hand', () => {
    for (const [depth, width, batch] of [
      [3, 5, 2],
      [20, 32, 16],
      [7, 1, 9],
    ]) {
      const net = gradientFlowData(1, { depth, width, batch, init: 'he_normal' });
      const networkBytes = 8 * (net.weights.length + net.biases.length + net.inputs.length);
      const sizes = { depth, width, batch, activations: 1 };
      // Two networks cost one network more than one.
      expect(gradientFlowBytes({ ...sizes, networks: 2 }) - gradientFlowBytes({ ...sizes, networks: 1 })).toBe(
        networkBytes,
      );
    }
    // The case by hand: W and b of 200 layers of 256, inputs 64 × 256; h and f′ of every layer, z and two
    // gradients of one layer, the 256² Gram scratch and ∂b; five layers of z for each of 3 histograms.
    const network = 200 * 256 * 256 + 200 * 256 + 64 * 256;
    const run = 2 * 200 * 64 * 256 + 3 * 64 * 256 + 256 * 256 + 256;
    const histograms = 3 * 5 * 64 * 256;
    const bytes = 8 * (network + run + histograms);
    expect(gradientFlowBytes({ depth: 200, width: 256, batch: 64, networks: 1, activations: 3 })).toBe(bytes);
    expect(bytes).toBeLessThan(MEMORY_GUARD_BYTES);
    // A batch far wider than the layers: the norm's scratch is still one layer's width² (the Gram path, which needs
    // 2·batch², runs only for batches narrower than the layers).
    const narrow = { network: 2 * 4 * 4 + 2 * 4 + 100 * 4, run: 2 * 2 * 100 * 4 + 3 * 100 * 4 + 4 * 4 + 4 };
    expect(gradientFlowBytes({ depth: 2, width: 4, batch: 100, networks: 1, activations: 1 })).toBe(
      8 * (narrow.network + narrow.run + 5 * 100 * 4),
    );
  });

  it('admits depth 200 × width 256 × batch 64 with three activations: a job with a progress bar', () => {
    const o = parseOk(gradientFlowBlock, 'activations: Sigmoid, Tanh, ReLU\ndepth: 200\nwidth: 256\nbatch: 64');
    const job = gradientFlowBlock.job?.(gradientFlowBlock.init(o, env()));
    expect(job?.expectedMs).toBeGreaterThan(200);
    // Every key at its maximum, one activation: 200 × 512² weights alone are 419 MB.
    const one = problemOf('activations: ReLU\ndepth: 200\nwidth: 512\nbatch: 256');
    expect(one).toMatch(
      /^Line 3: width: 512 would need about (\d+) MB for the network’s weights and activations, more than the 256 MB a block may use; with the other keys as they are, width can be at most (\d+)$/,
    );
    const [, mb, max] = /about (\d+) MB.* at most (\d+)$/.exec(one) ?? [];
    const at = (width: number) => gradientFlowBytes({ depth: 200, width, batch: 256, networks: 1, activations: 1 });
    expect(Number(mb)).toBe(Math.ceil(at(512) / 1e6));
    expect(at(Number(max))).toBeLessThanOrEqual(MEMORY_GUARD_BYTES);
    expect(at(Number(max) + 1)).toBeGreaterThan(MEMORY_GUARD_BYTES);
    expect(parseOk(gradientFlowBlock, `activations: ReLU\ndepth: 200\nwidth: ${max}\nbatch: 256`).width).toBe(
      Number(max),
    );
    expect(problemOf('activations: ReLU\ndepth: 200\nwidth: 512\nbatch: 256', 'zh')).toMatch(
      /^第 3 行：width：512 需要约 \d+ MB 内存来存放网络的权重和激活值，超过了每个代码块 256 MB 的上限；其他键不变时，width 最大为 \d+$/,
    );
  });

  it('counts one network per initialisation `init: auto` draws; choosing auto shrinks the width to fit', () => {
    // Sigmoid draws Xavier, ReLU He under auto: two networks, so a width one network fits is refused.
    const keys = 'depth: 200\nwidth: 300\nbatch: 8';
    expect(parseOk(gradientFlowBlock, `activations: Sigmoid, ReLU\n${keys}`).width).toBe(300);
    expect(parseOk(gradientFlowBlock, `activations: ReLU, GELU\n${keys}\ninit: auto`).width).toBe(300);
    expect(problemOf(`activations: Sigmoid, ReLU\n${keys}\ninit: auto`)).toMatch(
      /^Line 3: width: 300 would need about \d+ MB/,
    );
    const s = gradientFlowBlock.init(parseOk(gradientFlowBlock, `activations: Sigmoid, ReLU\n${keys}`), env());
    const auto = gradientFlowBlock.control(s, 'init', 'auto');
    expect(auto.init).toBe('auto');
    const bytes = (width: number) => gradientFlowBytes({ depth: 200, width, batch: 8, networks: 2, activations: 2 });
    expect(bytes(auto.width)).toBeLessThanOrEqual(MEMORY_GUARD_BYTES);
    expect(bytes(auto.width + 1)).toBeGreaterThan(MEMORY_GUARD_BYTES);
  });

  it('the width and depth sliders stop where the guard does', () => {
    const s = gradientFlowBlock.init(
      parseOk(gradientFlowBlock, 'activations: ReLU\ndepth: 200\nwidth: 64\nbatch: 256'),
      env(),
    );
    const wide = gradientFlowBlock.control(s, 'width', 512);
    expect(gradientFlowBytes({ depth: 200, width: wide.width, batch: 256, networks: 1, activations: 1 })).toBeLessThan(
      MEMORY_GUARD_BYTES,
    );
    expect(
      gradientFlowBytes({ depth: 200, width: wide.width + 1, batch: 256, networks: 1, activations: 1 }),
    ).toBeGreaterThan(MEMORY_GUARD_BYTES);
    expect(wide.width).toBeLessThan(512);
  });
});
