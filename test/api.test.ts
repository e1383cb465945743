import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_VERSION, createApi } from '../src/api';
import { readReference } from './helpers/reference';
import { classifierFile, type DeadReluCase, type GradflowCase, type ZigzagCase } from './helpers/reference-cases';

const api = createApi();
const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as { version: string };

describe('public API (app.plugins.plugins["activation-lab"].api)', () => {
  it('reports the plugin version from manifest.json', () => {
    expect(api.version).toBe(manifest.version);
    expect(API_VERSION).toBe(manifest.version);
  });

  it('lists the 23 element-wise activations of torch.nn by their torch names', () => {
    const names = api.activationNames();
    expect(names).toHaveLength(23);
    expect(names).toEqual(
      expect.arrayContaining(['ELU', 'Hardswish', 'LeakyReLU', 'PReLU', 'RReLU', 'GELU', 'SiLU', 'Mish', 'Threshold']),
    );
  });

  it('binds an activation with defaults filled in, accepting what people type', () => {
    const leaky = api.activation('leaky_relu', { negative_slope: 0.2 });
    expect(leaky.name).toBe('LeakyReLU');
    expect(leaky.params).toEqual({ negative_slope: 0.2 });
    expect(leaky.f(-1)).toBe(-0.2);
    expect(leaky.df(0)).toBe(0.2);
    expect(api.activation('swish').name).toBe('SiLU');
    expect(api.activation('ELU').params).toEqual({ alpha: 1 });
  });

  it('throws Errors that say what was given and suggest the closest names', () => {
    expect(() => api.activation('sigmod')).toThrow("Unknown activation function 'sigmod'. Did you mean 'Sigmoid'?");
    expect(() => api.activation('Softplus', { beta: 0 })).toThrow(/beta/);
    expect(() => api.activation('Hardtanh', { min_val: 1, max_val: -1 })).toThrow(/min_val/);
    expect(() => api.activation('ReLU', { slope: 1 })).toThrow(/slope/);
  });

  it("expression(): the caller's own function, its parameters and its AD derivative", () => {
    const swish = api.expression('swish(x; beta=1) = x * sigmoid(beta * x)', { beta: 2 });
    expect(swish.name).toBe('swish');
    expect(swish.params).toEqual({ beta: 2 });
    const s = 1 / (1 + Math.exp(-2));
    expect(swish.f(1)).toBeCloseTo(s, 15);
    expect(swish.df(1)).toBeCloseTo(s + 2 * s * (1 - s), 14); // d/dx x·σ(2x) = σ + 2x·σ(1 − σ) at x = 1
    const bare = api.expression('max(0, x) + 0.25 * min(0, x)');
    expect([bare.name, bare.df(0), bare.df(-1), bare.df(1)]).toEqual(['max(0, x) + 0.25 * min(0, x)', 0.625, 0.25, 1]);
  });

  it('expression() throws Errors naming the problem and its column', () => {
    expect(() => api.expression('x * sigmod(x)')).toThrow("Column 5: unknown name 'sigmod'. Did you mean 'sigmoid'?");
    expect(() => api.expression('x +')).toThrow(
      'Column 4: expected a number, x, a name or (, but the definition ends here',
    );
    expect(() => api.expression('f(x; a=1) = a*x', { b: 2 })).toThrow(/f has no parameter 'b'/);
    expect(() => api.expression(42 as unknown as string)).toThrow(TypeError);
  });

  it('computes gradient flow of a reference network exactly as PyTorch did', () => {
    const { cases } = readReference<{ cases: GradflowCase[] }>('gradflow.json');
    const c = cases[0];
    const r = api.gradientFlow({
      activation: c.activation,
      params: c.params,
      weights: c.weights,
      biases: c.biases,
      inputs: c.inputs,
    });
    expect(Math.abs(r.loss - c.loss)).toBeLessThanOrEqual(1e-6 * Math.abs(c.loss));
    // One figure per layer, compared one by one (a forEach over an empty result would assert nothing).
    expect(c.grad_w_norm.length).toBeGreaterThan(0);
    expect(r.gradWNorm).toHaveLength(c.grad_w_norm.length);
    r.gradWNorm.forEach((g, i) => expect(Math.abs(g - c.grad_w_norm[i])).toBeLessThanOrEqual(1e-6 * c.grad_w_norm[i]));
  });

  it('draws a seeded network for the demo and reports its shape', () => {
    const a = api.gradientFlowDemo({ activation: 'Sigmoid', depth: 12, width: 8, batch: 4, seed: 7 });
    const b = api.gradientFlowDemo({ activation: 'Sigmoid', depth: 12, width: 8, batch: 4, seed: 7 });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ depth: 12, width: 8, batch: 4, init: 'xavier_uniform', seed: 7 });
    expect(a.gradWNorm).toHaveLength(12);
  });

  it('runs the Dead ReLU and zig-zag engines on the reference cases', () => {
    const dead = readReference<{ cases: DeadReluCase[] }>('deadrelu.json').cases.find(
      (c) => c.activation === 'ReLU' && c.lr === 0.15,
    ) as DeadReluCase;
    const run = api.deadRelu({
      activation: dead.activation,
      params: dead.params,
      X: dead.X,
      t: dead.t,
      W1: dead.W1,
      b1: dead.b1,
      W2: dead.W2,
      b2: dead.b2,
      lr: dead.lr,
      steps: dead.steps,
    });
    expect(run.dead).toEqual(dead.dead);
    const zig = readReference<{ cases: ZigzagCase[] }>('zigzag.json').cases[0];
    const z = api.zigzag({ x: zig.x, t: zig.t, w0: zig.w0, lr: zig.lr, steps: zig.steps });
    expect(z.updateSameSign).toEqual(zig.update_same_sign);
  });

  it('trains the classifier with and without an activation as the reference does', () => {
    const file = classifierFile();
    for (const c of file.cases) {
      const run = api.classifier({
        activation: c.activation,
        X: file.X,
        y: file.y,
        W1: file.W1,
        b1: file.b1,
        W2: file.W2,
        b2: file.b2,
        lr: c.lr,
        steps: c.steps,
      });
      expect(run.accuracy).toEqual(c.accuracy);
      expect(run.loss[c.steps]).toBeCloseTo(c.loss[c.steps], 10);
      expect(Object.keys(run).sort()).toEqual(['W1', 'W2', 'accuracy', 'b1', 'b2', 'loss']);
    }
    expect(() =>
      api.classifier({
        activation: 'Sigmod',
        X: file.X,
        y: file.y,
        W1: file.W1,
        b1: file.b1,
        W2: file.W2,
        b2: file.b2,
        lr: 0.5,
        steps: 1,
      }),
    ).toThrow(/Sigmoid/);
  });
});
