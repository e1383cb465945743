/** ```dead-relu: parsing, the summary's facts on PyTorch's reference runs, views, controls, determinism. */
import { describe, expect, it } from 'vitest';
import { bindActivation } from '../../src/core/activations';
import { deadReluBlock, deadReluSummary } from '../../src/blocks/dead-relu';
import { deadRelu } from '../../src/core/dead-relu';
import { formatNumber } from '../../src/core/format';
import { deadReluFacts, variance } from '../../src/core/summaries';
import { formatProblem } from '../../src/i18n';
import { closeTo, readReference } from '../helpers/reference';
import { env, parseOk, firstProblem } from './fixtures';
import type { DeadReluCase } from '../helpers/reference-cases';


const problemOf = (source: string, lang: 'en' | 'zh' = 'en'): string => {
  const r = deadReluBlock.parse(source, env(lang));
  return formatProblem(firstProblem(r), lang);
};
const stateOf = (source: string, lang: 'en' | 'zh' = 'en') => deadReluBlock.init(parseOk(deadReluBlock, source, env(lang)), env(lang));
const viewOf = (source: string, lang: 'en' | 'zh' = 'en') => deadReluBlock.view(stateOf(source, lang), env(lang));

describe('```dead-relu parsing', () => {
  it('has the documented defaults', () => {
    const o = parseOk(deadReluBlock, '');
    expect(o.activations.map((a) => a.spec.name)).toEqual(['ReLU', 'LeakyReLU']);
    expect(o).toMatchObject({ lr: [0.01, 0.15], width: 32, samples: 64, steps: 60, seed: 71, context: [], height: 300 });
  });

  it('reads every key, and a body without keys as the activations', () => {
    const o = parseOk(deadReluBlock, 'activations: ReLU, LeakyReLU(negative_slope=0.2), ELU\nlr: 0.3\nwidth: 8\nsamples: 16\nsteps: 25\nseed: 9\ntitle: 死亡 ReLU\ncaption: see [[Dead ReLU]]\ncontext: [[激活函数#Dead ReLU]]\nheight: 420');
    expect(o.activations.map((a) => a.spec.name)).toEqual(['ReLU', 'LeakyReLU', 'ELU']);
    expect(o.activations[1].params.negative_slope).toBe(0.2);
    expect(o).toMatchObject({ lr: [0.3], width: 8, samples: 16, steps: 25, seed: 9, title: '死亡 ReLU', caption: 'see [[Dead ReLU]]', context: ['[[激活函数#Dead ReLU]]'], height: 420 });
    expect(parseOk(deadReluBlock, 'GELU, Tanh').activations.map((a) => a.spec.name)).toEqual(['GELU', 'Tanh']);
    expect(parseOk(deadReluBlock, 'lr: [0.001, 10]').lr).toEqual([0.001, 10]);
  });

  it('names the line, the value and what is allowed in every error', () => {
    expect(problemOf('activations: Relu6, Sigmod')).toBe("Line 1: unknown activation function 'Sigmod'. Did you mean 'Sigmoid'?");
    expect(problemOf('steps: 10\nwidht: 8')).toMatch(/^Line 2: unknown key 'widht'\. Did you mean 'width'\?/);
    expect(problemOf('lr: 0.01, 0')).toBe('Line 1: lr: 0 is out of range; allowed from 0.000001 to 10');
    expect(problemOf('\nlr: 11')).toBe('Line 2: lr: 11 is out of range; allowed from 0.000001 to 10');
    expect(problemOf('lr: 0.1, fast')).toBe("Line 1: lr: 'fast' is not a number");
    expect(problemOf('lr: 1, 2, 3, 4, 5')).toBe('Line 1: lr: 5 items is too many; at most 4 allowed');
    expect(problemOf('width: 0')).toBe('Line 1: width: 0 is out of range; allowed from 1 to 256');
    expect(problemOf('width: 8.5')).toBe("Line 1: width: '8.5' is not a whole number");
    expect(problemOf('samples: 1')).toBe('Line 1: samples: 1 is out of range; allowed from 2 to 1024');
    expect(problemOf('steps: 1001')).toBe('Line 1: steps: 1001 is out of range; allowed from 1 to 1000');
    expect(problemOf('seed: -1')).toMatch(/^Line 1: seed: -1 is out of range; allowed from 0 to 2147483647/);
    expect(problemOf('steps: 0', 'zh')).toBe('第 1 行：steps：0 超出范围，允许的范围是 1 到 1000');
  });

  it('refuses more training than a note can wait for, naming the size to shrink and how far', () => {
    // 2e6 unit-updates: 4 runs × 64 samples × 32 units allow 244 steps.
    expect(problemOf('steps: 1000')).toBe('Line 1: steps: 1000 is too large; it must be at most 244');
    expect(parseOk(deadReluBlock, 'steps: 244').steps).toBe(244);
    const huge = 'activations: ReLU, LeakyReLU, ELU, GELU\nlr: 0.01, 0.1, 1, 10\nwidth: 256\nsamples: 1024\nsteps: 1000';
    expect(problemOf(huge)).toBe('Line 3: width: 256 is too large; it must be at most 122');
    expect(problemOf(huge.replace('256', '122'))).toBe('Line 5: steps: 1000 is too large; it must be at most 1');
    expect(problemOf('activations: ReLU, LeakyReLU, ELU, GELU\nlr: 1, 2, 3, 4\nwidth: 1\nsamples: 1024\nsteps: 1000', 'zh')).toBe('第 5 行：steps：1000 太大，不能大于 122');
  });
});

describe('summary facts on the reference runs (deadrelu.json)', () => {
  const { cases } = readReference<{ cases: DeadReluCase[] }>('deadrelu.json');
  const runOf = (c: DeadReluCase) => {
    const a = bindActivation(c.activation, c.params);
    if (!a.ok) throw new Error(c.activation);
    return deadRelu({ ...c, activation: a.value });
  };
  const find = (name: string, lr: number) => cases.find((c) => c.activation === name && c.lr === lr) as DeadReluCase;
  /** From the reference arrays: the first step from which every unit stays dead. */
  const allDeadFrom = (c: DeadReluCase) => c.dead.findIndex((_, s) => c.dead.slice(s).every((d) => d === c.width));

  it('ReLU at lr 0.15: every unit dead from the step the reference says, loss stuck at the variance of t', () => {
    const c = find('ReLU', 0.15);
    const f = deadReluFacts(runOf(c), c.width);
    expect(allDeadFrom(c)).toBeGreaterThan(0);
    expect(f.allDeadFrom).toBe(allDeadFrom(c));
    expect(f.deadStillLearn).toBe(false);
    expect(closeTo(f.finalLoss, c.loss[c.steps], 0, 1e-9)).toBe(true);
    // The output is the constant b2 → mean(t): the loss is the variance of the targets.
    expect(closeTo(variance(c.t), c.loss[c.steps], 0, 1e-6)).toBe(true);
  });

  it('LeakyReLU at lr 0.15 keeps learning with units below zero; lr 0.01 runs have none dead', () => {
    const leaky = find('LeakyReLU', 0.15);
    const f = deadReluFacts(runOf(leaky), leaky.width);
    expect(f).toMatchObject({ deadStillLearn: true, finalDead: leaky.dead[leaky.steps] });
    expect(f.allDeadFrom).toBeUndefined();
    expect(closeTo(f.finalLoss, leaky.loss[leaky.steps], 0, 1e-9)).toBe(true);
    for (const c of [find('ReLU', 0.01), find('LeakyReLU', 0.01)]) expect(deadReluFacts(runOf(c), c.width)).toMatchObject({ finalDead: 0, deadStillLearn: false });
  });

  it('the summary line states those facts, with numbers read off the runs', () => {
    const runs = [find('ReLU', 0.15), find('LeakyReLU', 0.15), find('ReLU', 0.01)].map((c) => ({ label: `${c.activation}, lr ${c.lr}`, run: runOf(c) }));
    const relu = find('ReLU', 0.15);
    const leaky = find('LeakyReLU', 0.15);
    const n = (v: number) => formatNumber(v, 3);
    const last = (c: DeadReluCase) => c.loss[c.steps];
    expect(deadReluSummary(runs, relu.t, relu.width, 'en')).toBe(
      `ReLU, lr 0.15: all ${relu.width} units dead from step ${allDeadFrom(relu)}, loss stuck at ${n(last(relu))} (the variance of the targets is ${n(variance(relu.t))}). `
      + `LeakyReLU, lr 0.15: ${leaky.dead[leaky.steps]} of ${leaky.width} units are below zero for every sample yet still learn; final loss ${n(last(leaky))}. `
      + `ReLU, lr 0.01: no dead units, final loss ${n(last(find('ReLU', 0.01)))}.`);
    expect(deadReluSummary(runs.slice(0, 1), relu.t, relu.width, 'zh')).toBe(
      `ReLU, lr 0.15：从第 ${allDeadFrom(relu)} 步起全部 ${relu.width} 个神经元死亡，损失停在 ${n(last(relu))}（目标值的方差为 ${n(variance(relu.t))}）。`);
  });

  it('a diverging run is reported by its step, not drawn as NaN', () => {
    const c = find('ReLU', 0.15);
    const a = bindActivation('ReLU');
    if (!a.ok) throw new Error('ReLU');
    const run = deadRelu({ ...c, activation: a.value, lr: 5 });
    expect(run.divergedAt).toBeGreaterThan(0);
    expect(deadReluSummary([{ label: 'ReLU, lr 5', run }], c.t, c.width, 'en')).toBe(`ReLU, lr 5: the loss overflows, diverged at step ${run.divergedAt}.`);
  });
});

describe('```dead-relu view', () => {
  it('draws a log-scale loss chart and a 0…width dead-unit chart, one line per activation × lr', () => {
    const v = viewOf('');
    expect(v.charts).toHaveLength(2);
    const [loss, dead] = v.charts;
    expect(loss.y.type).toBe('logarithmic');
    expect(dead.y).toMatchObject({ type: 'linear', min: 0, max: 32, step: 8, integer: true });
    expect(loss.x).toMatchObject({ min: 0, max: 60, integer: true });
    expect(loss.lines.map((l) => [l.label, l.colorIndex, l.dashed])).toEqual([
      ['ReLU, lr 0.01', 0, false], ['ReLU, lr 0.15', 1, true], ['LeakyReLU, lr 0.01', 2, false], ['LeakyReLU, lr 0.15', 3, true]]);
    expect(v.legend.map((l) => l.label)).toEqual(loss.lines.map((l) => l.label));
    expect(loss.description).toBe('Training loss per step (log scale) of a 32-unit hidden layer with ReLU, LeakyReLU at learning rates 0.01, 0.15');
    expect(dead.description).toBe('Dead hidden units (out of 32) per step with ReLU, LeakyReLU at learning rates 0.01, 0.15');
  });

  it('draws, reads out and summarises exactly what the engine computes on the seeded data', () => {
    const s = stateOf('');
    const v = deadReluBlock.view(s, env());
    const relu = deadRelu({ activation: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) }, ...s.data, lr: 0.15, steps: 60 });
    expect(v.charts[0].lines[1].y).toEqual(relu.loss);
    expect(v.charts[1].lines[1].y).toEqual(relu.dead);
    const f = deadReluFacts(relu, 32);
    expect(f.allDeadFrom).toBeDefined();
    expect(v.summary).toContain(`ReLU, lr 0.15: all 32 units dead from step ${f.allDeadFrom}, loss stuck at ${formatNumber(f.finalLoss, 3)}`);
    expect(v.readout(0, 12.3)).toMatchObject({ heading: 'step 12 · loss', rows: [{ label: 'ReLU, lr 0.01' }, { label: 'ReLU, lr 0.15', value: formatNumber(relu.loss[12], 4), dashed: true }, {}, {}] });
    expect(v.readout(1, 99).heading).toBe('step 60 · dead units');
    expect(v.readout(1, 40).rows[1].value).toBe(`${relu.dead[40]} of 32`);
    const csv = v.csv().trim().split('\r\n');
    expect(csv[0]).toBe('step,"ReLU, lr 0.01 loss","ReLU, lr 0.01 dead","ReLU, lr 0.15 loss","ReLU, lr 0.15 dead","LeakyReLU, lr 0.01 loss","LeakyReLU, lr 0.01 dead","LeakyReLU, lr 0.15 loss","LeakyReLU, lr 0.15 dead"');
    expect(csv).toHaveLength(62);
    expect(csv[61].split(',').slice(3, 5).map(Number)).toEqual([relu.loss[60], relu.dead[60]]);
  });

  it('labels a diverging learning rate plainly and keeps the axis on the runs that converge', () => {
    const v = viewOf('lr: 0.01, 3');
    const diverged = v.charts[0].lines[1];
    expect(diverged.label).toMatch(/^ReLU, lr 3 \(diverged at step \d+\)$/);
    expect(diverged.y.every((y) => Number.isFinite(y))).toBe(true);
    expect(v.charts[0].y.max).toBeLessThanOrEqual(100);
    expect(v.readout(0, 60).rows[1].value).toBe('diverged');
    expect(v.summary).toMatch(/ReLU, lr 3: the loss overflows, diverged at step \d+\./);
  });

  it('draws earlier activations wider, so coinciding runs stay apart', () => {
    const [loss] = viewOf('').charts;
    expect(loss.lines.map((l) => l.width)).toEqual([4.5, 4.5, 2, 2]);
    expect(viewOf('activations: ReLU, ELU, GELU\nlr: 0.01').charts[0].lines.map((l) => l.width)).toEqual([4.5, 3.25, 2]);
  });

  it('offers a slider per learning rate, a steps slider and a new-data button', () => {
    expect(viewOf('').controls.map((c) => [c.kind, c.id, c.label])).toEqual([
      ['slider', 'lr0', 'lr (run 1)'], ['slider', 'lr1', 'lr (run 2)'], ['slider', 'steps', 'steps'], ['button', 'seed', 'new data']]);
    expect(viewOf('lr: 0.2', 'zh').controls[0]).toMatchObject({ label: '学习率', min: 0.001, max: 1, value: 0.2, scale: 'log' });
    expect(viewOf('', 'zh').controls[1]).toMatchObject({ label: '学习率（第 2 组）' });
    expect(viewOf('lr: 4').controls[0]).toMatchObject({ max: 4, value: 4 });
    expect(viewOf('width: 128\nsamples: 1024\nsteps: 3').controls.find((c) => c.id === 'steps')).toMatchObject({ max: 3 });
    const s = stateOf('width: 128\nsamples: 1024\nsteps: 3');
    expect(deadReluBlock.control(s, 'steps', 200).steps).toBe(3);
  });
});

describe('```dead-relu controls and determinism', () => {
  const e = env();
  it('the same seed gives the same view data; "new data" changes it', () => {
    const a = deadReluBlock.view(stateOf(''), e);
    const b = deadReluBlock.view(stateOf(''), e);
    expect(JSON.stringify(b.charts)).toBe(JSON.stringify(a.charts));
    expect(b.summary).toBe(a.summary);
    const next = deadReluBlock.control(stateOf(''), 'seed', 0);
    expect(next.seed).toBe(72);
    expect(JSON.stringify(deadReluBlock.view(next, e).charts)).not.toBe(JSON.stringify(a.charts));
  });

  it('a learning-rate slider retrains only the runs at that rate', () => {
    const s = stateOf('');
    const moved = deadReluBlock.control(s, 'lr1', 0.05);
    expect(moved.lrs).toEqual([0.01, 0.05]);
    expect(moved.runs[0][0]).toBe(s.runs[0][0]);
    expect(moved.runs[1][0]).toBe(s.runs[1][0]);
    expect(moved.runs[0][1]).not.toBe(s.runs[0][1]);
    expect(deadReluBlock.control(s, 'lr1', 0)).toBe(s);
    expect(deadReluBlock.control(s, 'lr7', 0.1)).toBe(s);
    expect(deadReluBlock.control(s, 'lr0', Number.NaN)).toBe(s);
  });

  it('fewer steps cut the runs short, exactly as training for fewer steps would', () => {
    const cut = deadReluBlock.control(stateOf(''), 'steps', 20);
    const fresh = stateOf('steps: 20');
    expect(cut.runs.map((r) => r.map((x) => x.run))).toEqual(fresh.runs.map((r) => r.map((x) => x.run)));
    const diverging = stateOf('lr: 3');
    const divergedAt = diverging.runs[0][0].run.divergedAt as number;
    expect(deadReluBlock.control(diverging, 'steps', divergedAt - 1).runs[0][0].run).toEqual(stateOf(`lr: 3\nsteps: ${divergedAt - 1}`).runs[0][0].run);
    expect(deadReluBlock.control(stateOf('steps: 10'), 'steps', 30).runs).toEqual(stateOf('steps: 30').runs);
  });
});
