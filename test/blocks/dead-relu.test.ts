/** ```dead-relu: parsing, the summary's facts on PyTorch's reference runs, views, controls, determinism. */
import { describe, expect, it } from 'vitest';
import { bindActivation } from '../../src/core/activations';
import { deadReluBlock, deadReluSummary } from '../../src/blocks/dead-relu';
import { deadRelu } from '../../src/core/engines/dead-relu/dead-relu';
import { deadReluData } from '../../src/core/engines/dead-relu/data';
import { formatNumber } from '../../src/core/plot/format';
import { deadReluFacts, variance } from '../../src/core/engines/dead-relu/facts';
import { formatProblem } from '../../src/i18n';
import { closeTo, readReference } from '../helpers/reference';
import { env, parseOk, firstProblem } from './fixtures';
import type { AnyBlockKind } from '../../src/blocks/block-kind';
import { jobResult } from '../../src/blocks/jobs';
import { PROGRESS_MS } from '../../src/blocks/jobs/job';
import type { DeadReluCase } from '../helpers/reference-cases';

const problemOf = (source: string, lang: 'en' | 'zh' = 'en'): string => {
  const r = deadReluBlock.parse(source, env(lang));
  return formatProblem(firstProblem(r), lang);
};
/** `s` with its drawn seed delivered by its job, as a session does (the rest of the batch is background work). */
const deliverDrawn = <S>(s: S): S => {
  const kind = deadReluBlock as unknown as AnyBlockKind;
  const job = kind.job?.(s);
  return job && !job.background ? (kind.received?.(s, jobResult(job)) as S) : s;
};
const stateOf = (source: string, lang: 'en' | 'zh' = 'en') =>
  deliverDrawn(deadReluBlock.init(parseOk(deadReluBlock, source, env(lang)), env(lang)));
const viewOf = (source: string, lang: 'en' | 'zh' = 'en') => deadReluBlock.view(stateOf(source, lang), env(lang));

describe('```dead-relu parsing', () => {
  it('has the documented defaults', () => {
    const o = parseOk(deadReluBlock, '');
    expect(o.activations.map((a) => a.spec.name)).toEqual(['ReLU', 'LeakyReLU']);
    expect(o).toMatchObject({ lr: [0.01, 0.1], width: 32, samples: 64, steps: 60, seed: 0, context: [], height: 300 });
  });

  it('reads every key, and a body without keys as the activations', () => {
    const o = parseOk(
      deadReluBlock,
      'activations: ReLU, LeakyReLU(negative_slope=0.2), ELU\nlr: 0.3\nwidth: 8\nsamples: 16\nsteps: 25\nseed: 9\ntitle: 死亡 ReLU\ncaption: see [[Dead ReLU]]\ncontext: [[激活函数#Dead ReLU]]\nheight: 420',
    );
    expect(o.activations.map((a) => a.spec.name)).toEqual(['ReLU', 'LeakyReLU', 'ELU']);
    expect(o.activations[1].params.negative_slope).toBe(0.2);
    expect(o).toMatchObject({
      lr: [0.3],
      width: 8,
      samples: 16,
      steps: 25,
      seed: 9,
      title: '死亡 ReLU',
      caption: 'see [[Dead ReLU]]',
      context: ['[[激活函数#Dead ReLU]]'],
      height: 420,
    });
    expect(parseOk(deadReluBlock, 'GELU, Tanh').activations.map((a) => a.spec.name)).toEqual(['GELU', 'Tanh']);
    expect(parseOk(deadReluBlock, 'lr: [0.001, 10]').lr).toEqual([0.001, 10]);
  });

  it('names the line, the value and what is allowed in every error', () => {
    expect(problemOf('activations: Relu6, Sigmod')).toBe(
      "Line 1: unknown activation function 'Sigmod'. Did you mean 'Sigmoid'?",
    );
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

  it('refuses nothing for time: every key at its maximum parses, and trains as a job with a progress bar', () => {
    const huge =
      'activations: ReLU, LeakyReLU, ELU, GELU\nlr: 0.01, 0.1, 1, 10\nwidth: 256\nsamples: 1024\nsteps: 1000';
    const job = deadReluBlock.job?.(deadReluBlock.init(parseOk(deadReluBlock, huge), env()));
    // The drawn seed's 16 runs; the weighted cost (1 + 1 + 6 + 6) / 4 per run-unit at ~20 ns.
    expect(job).toMatchObject({ kind: 'dead-relu', runs: expect.any(Array) as unknown });
    expect(job?.kind === 'dead-relu' && job.runs).toHaveLength(16);
    expect(job?.background).toBeUndefined();
    expect(job?.expectedMs).toBeCloseTo((14 / 4) * 16 * 1024 * 256 * 1000 * 2e-5, 6);
    expect(job?.expectedMs).toBeGreaterThan(PROGRESS_MS);
  });
});

/**
 * Independent truth for the block's ReLU runs: one-hidden-layer full-batch gradient descent written out plainly
 * (nested arrays, no fused passes): z = X·W1 + b1, h = max(z, 0), y = h·W2 + b2, loss = mean (y − t)², ReLU′(0) = 0.
 * A unit is dead when z ≤ 0 for every sample. Entry s is measured after s updates.
 */
function plainReluRun(
  data: ReturnType<typeof deadReluData>,
  lr: number,
  steps: number,
): { loss: number[]; dead: number[] } {
  const W1 = data.W1.map((row) => [...row]);
  const b1 = [...data.b1];
  const W2 = data.W2.map((row) => [...row]);
  const b2 = [...data.b2];
  const n = data.X.length;
  const width = b1.length;
  const out = { loss: [] as number[], dead: [] as number[] };
  for (let s = 0; s <= steps; s++) {
    const Z = data.X.map((x) => b1.map((b, j) => x.reduce((sum, xk, k) => sum + xk * W1[k][j], 0) + b));
    const H = Z.map((z) => z.map((v) => Math.max(v, 0)));
    const Y = H.map((h) => h.reduce((sum, hj, j) => sum + hj * W2[j][0], 0) + b2[0]);
    out.loss.push(Y.reduce((sum, y, i) => sum + (y - data.t[i]) ** 2, 0) / n);
    out.dead.push(b1.filter((_, j) => Z.every((z) => z[j] <= 0)).length);
    if (s === steps) break;
    const dY = Y.map((y, i) => (2 * (y - data.t[i])) / n);
    const gW2 = W2.map((_, j) => H.reduce((sum, h, i) => sum + h[j] * dY[i], 0));
    const gb2 = dY.reduce((sum, d) => sum + d, 0);
    const dZ = Z.map((z, i) => z.map((v, j) => (v > 0 ? dY[i] * W2[j][0] : 0)));
    const gW1 = W1.map((row, k) => row.map((_, j) => data.X.reduce((sum, x, i) => sum + x[k] * dZ[i][j], 0)));
    const gb1 = b1.map((_, j) => dZ.reduce((sum, dz) => sum + dz[j], 0));
    W1.forEach((row, k) => row.forEach((_, j) => (row[j] -= lr * gW1[k][j])));
    b1.forEach((_, j) => (b1[j] -= lr * gb1[j]));
    W2.forEach((row, j) => (row[0] -= lr * gW2[j]));
    b2[0] -= lr * gb2;
    expect(width).toBe(32);
  }
  return out;
}

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
    for (const c of [find('ReLU', 0.01), find('LeakyReLU', 0.01)])
      expect(deadReluFacts(runOf(c), c.width)).toMatchObject({ finalDead: 0, deadStillLearn: false });
  });

  it('the summary line states those facts, with numbers read off the runs', () => {
    const below = (name: string) => (name === 'ReLU' ? ('dead' as const) : ('learning' as const));
    const runs = [find('ReLU', 0.15), find('LeakyReLU', 0.15), find('ReLU', 0.01)].map((c) => ({
      label: `${c.activation}, lr ${c.lr}`,
      run: runOf(c),
      below: below(c.activation),
    }));
    const relu = find('ReLU', 0.15);
    const leaky = find('LeakyReLU', 0.15);
    const n = (v: number) => formatNumber(v, 3);
    const last = (c: DeadReluCase) => c.loss[c.steps];
    expect(deadReluSummary(runs, relu.t, relu.width, 'en')).toBe(
      `ReLU, lr 0.15: all ${relu.width} units dead from step ${allDeadFrom(relu)}; only the output bias learns, so the loss stays ≥ the targets' variance ${n(variance(relu.t))} (final ${n(last(relu))}). ` +
        `LeakyReLU, lr 0.15: ${leaky.dead[leaky.steps]} of ${leaky.width} units have pre-activation ≤ 0 on every sample but still learn (negative slope ≠ 0); final loss ${n(last(leaky))}. ` +
        `ReLU, lr 0.01: no dead units; final loss ${n(last(find('ReLU', 0.01)))}.`,
    );
    expect(deadReluSummary(runs.slice(0, 2), relu.t, relu.width, 'zh')).toBe(
      `ReLU, lr 0.15：从第 ${allDeadFrom(relu)} 步起全部 ${relu.width} 个神经元死亡，只剩输出偏置在学习，损失不会低于目标值的方差 ${n(variance(relu.t))}（最终 ${n(last(relu))}）。` +
        `LeakyReLU, lr 0.15：${leaky.width} 个神经元中有 ${leaky.dead[leaky.steps]} 个的预激活值在所有样本上都 ≤ 0，但因负半轴斜率非零仍在学习；最终损失 ${n(last(leaky))}。`,
    );
    // The loss of a net whose every unit is dead is mean((b2 − t)²), never below the variance of t.
    expect(last(relu)).toBeGreaterThanOrEqual(variance(relu.t) * (1 - 1e-12));
  });

  it('a diverging run is reported by its step, not drawn as NaN', () => {
    const c = find('ReLU', 0.15);
    const a = bindActivation('ReLU');
    if (!a.ok) throw new Error('ReLU');
    const run = deadRelu({ ...c, activation: a.value, lr: 5 });
    expect(run.divergedAt).toBeGreaterThan(0);
    expect(deadReluSummary([{ label: 'ReLU, lr 5', run, below: 'dead' }], c.t, c.width, 'en')).toBe(
      `ReLU, lr 5: the loss overflows, diverged at step ${run.divergedAt}.`,
    );
  });
});

describe('```dead-relu view', () => {
  it('draws a log-scale loss chart, a dead-unit chart for ReLU and an "≤ 0 but learning" chart for LeakyReLU', () => {
    const v = viewOf('');
    expect(v.charts).toHaveLength(3);
    const [loss, dead, negative] = v.charts;
    expect(loss.y.type).toBe('logarithmic');
    expect(dead.y).toMatchObject({
      type: 'linear',
      min: 0,
      max: 32,
      step: 8,
      integer: true,
      title: 'dead units, f′ = 0 (of 32)',
    });
    expect(negative.y).toMatchObject({ min: 0, max: 32, title: 'units ≤ 0 on every sample, still learning (of 32)' });
    expect(loss.x).toMatchObject({ min: 0, max: 60, integer: true });
    expect(loss.lines.map((l) => [l.label, l.colorIndex, l.dashed])).toEqual([
      ['ReLU, lr 0.01', 0, false],
      ['ReLU, lr 0.1', 1, true],
      ['LeakyReLU, lr 0.01', 2, false],
      ['LeakyReLU, lr 0.1', 3, true],
    ]);
    expect(dead.lines.map((l) => l.colorIndex)).toEqual([0, 1]);
    expect(negative.lines.map((l) => l.colorIndex)).toEqual([2, 3]);
    expect(v.legend.map((l) => l.label)).toEqual(loss.lines.map((l) => l.label));
    expect(loss.description).toBe(
      'Training loss per step (log scale) of a 32-unit hidden layer with ReLU, LeakyReLU at learning rates 0.01, 0.1',
    );
    expect(dead.description).toBe('Dead hidden units (out of 32) per step with ReLU at learning rates 0.01, 0.1');
    expect(negative.description).toBe(
      'Hidden units (of 32) with pre-activation ≤ 0 on every sample that still learn, per step, with LeakyReLU at learning rates 0.01, 0.1',
    );
    // ELU: neither dead nor a line through 0, so no count chart (its count stays in the summary and CSV).
    expect(viewOf('activations: ELU').charts).toHaveLength(1);
    expect(viewOf('activations: ReLU6, LeakyReLU(negative_slope=0)').charts).toHaveLength(2);
  });

  it('draws, reads out and summarises the ReLU run of the seeded data (a second, plain trainer)', () => {
    const s = stateOf('');
    const v = deadReluBlock.view(s, env());
    const data = deadReluData(0, { n: 64, width: 32 });
    const relu = plainReluRun(data, 0.1, 60);
    v.charts[0].lines[1].y.forEach((loss, step) => expect(loss).toBeCloseTo(relu.loss[step], 10));
    expect(v.charts[0].lines[1].y).toHaveLength(61);
    expect(v.charts[1].lines[1].y).toEqual(relu.dead);
    expect(v.summary).toContain(
      `ReLU, lr 0.1: ${relu.dead[60]} of 32 units dead; final loss ${formatNumber(relu.loss[60], 3)}.`,
    );
    expect(v.readout(0, 12.3)).toMatchObject({
      heading: 'step 12 · loss',
      rows: [
        { label: 'ReLU, lr 0.01' },
        { label: 'ReLU, lr 0.1', value: formatNumber(relu.loss[12], 4), dashed: true },
        {},
        {},
      ],
    });
    expect(v.readout(1, 99).heading).toBe('step 60 · dead units');
    expect(v.readout(1, 40).rows.map((r) => r.label)).toEqual(['ReLU, lr 0.01', 'ReLU, lr 0.1']);
    expect(v.readout(1, 40).rows[1].value).toBe(`${relu.dead[40]} of 32`);
    expect(v.readout(2, 40)).toMatchObject({
      heading: 'step 40 · units ≤ 0, learning',
      rows: [{ label: 'LeakyReLU, lr 0.01' }, { label: 'LeakyReLU, lr 0.1' }],
    });
    const csv = v.csv().trim().split('\r\n');
    expect(csv[0]).toBe(
      'step,"ReLU, lr 0.01 loss","ReLU, lr 0.01 dead","ReLU, lr 0.1 loss","ReLU, lr 0.1 dead","LeakyReLU, lr 0.01 loss","LeakyReLU, lr 0.01 units <= 0","LeakyReLU, lr 0.1 loss","LeakyReLU, lr 0.1 units <= 0"',
    );
    expect(csv).toHaveLength(62);
    const [loss60, dead60] = csv[61].split(',').slice(3, 5).map(Number);
    expect(loss60).toBeCloseTo(relu.loss[60], 10);
    expect(dead60).toBe(relu.dead[60]);
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
    expect(viewOf('activations: ReLU, ELU, GELU\nlr: 0.01').charts[0].lines.map((l) => l.width)).toEqual([
      4.5, 3.25, 2,
    ]);
  });

  it('offers a slider per learning rate, a steps slider and a new-data button', () => {
    expect(viewOf('').controls.map((c) => [c.kind, c.id, c.label])).toEqual([
      ['slider', 'lr0', 'lr (run 1)'],
      ['slider', 'lr1', 'lr (run 2)'],
      ['slider', 'steps', 'steps'],
      ['button', 'seed', 'new data'],
    ]);
    expect(viewOf('lr: 0.2', 'zh').controls[0]).toMatchObject({
      label: '学习率',
      min: 0.001,
      max: 1,
      value: 0.2,
      scale: 'log',
    });
    expect(viewOf('', 'zh').controls[1]).toMatchObject({ label: '学习率（第 2 组）' });
    expect(viewOf('lr: 4').controls[0]).toMatchObject({ max: 4, value: 4 });
    expect(viewOf('width: 128\nsamples: 1024\nsteps: 3').controls.find((c) => c.id === 'steps')).toMatchObject({
      max: 200,
    });
    const s = stateOf('width: 128\nsamples: 1024\nsteps: 3');
    expect(deadReluBlock.control(s, 'steps', 200).steps).toBe(200);
  });
});

/** The state with its background batch finished. */
const settled = (s: ReturnType<typeof stateOf>) => {
  for (let next = deadReluBlock.background?.(s); next; next = deadReluBlock.background?.(s)) s = next;
  return s;
};
const drawnRuns = (s: ReturnType<typeof stateOf>) => {
  const d = deliverDrawn(s);
  return d.batch[d.index].runs as NonNullable<(typeof s.batch)[number]['runs'][number][number]>[][];
};
/** Seeds of the batch with every run trained. */
const complete = (s: ReturnType<typeof stateOf>) => s.batch.filter((b) => b.runs.flat().every(Boolean)).length;

describe('```dead-relu controls and determinism', () => {
  const e = env();
  it('the same seed gives the same view data; "new data" cycles through the batch\'s draws', () => {
    const a = deadReluBlock.view(settled(stateOf('')), e);
    const b = deadReluBlock.view(settled(stateOf('')), e);
    expect(JSON.stringify(b.charts)).toBe(JSON.stringify(a.charts));
    expect(b.summary).toBe(a.summary);
    let s = settled(stateOf(''));
    const next = deadReluBlock.control(s, 'seed', 0);
    expect([next.seed, next.index]).toEqual([0, 1]);
    expect(next.batch[0]).toBe(s.batch[0]);
    expect(JSON.stringify(deadReluBlock.view(next, e).charts)).not.toBe(JSON.stringify(a.charts));
    // The distribution stays; only the drawn seed changes.
    expect(deadReluBlock.view(next, e).summary?.split('Drawn:')[0]).toBe(a.summary?.split('Drawn:')[0]);
    for (let k = 0; k < 32; k++) s = deadReluBlock.control(s, 'seed', 0);
    expect(s.index).toBe(0);
  });

  it('trains the drawn seed at once and the rest of the batch in background slices, one seed each', () => {
    const s = stateOf('');
    expect(complete(s)).toBe(1);
    // Until the batch is complete the summary states only the drawn runs: no distribution from part of it.
    expect(deadReluBlock.view(s, e).summary).toMatch(/^Drawn: seed 0 \(1 of 32\)\. ReLU, lr 0\.01: /);
    const one = deadReluBlock.background?.(s);
    expect(one && complete(one)).toBe(2);
    expect(deadReluBlock.background?.(settled(s))).toBeNull();
    // Unseen seeds are trained on demand when "new data" reaches them first.
    const onDemand = deadReluBlock.control(s, 'seed', 0);
    expect(onDemand.index).toBe(1);
    // Seed 1's runs, whether trained on demand or in the background, are the same ReLU run of seed 1's data.
    expect(deliverDrawn(onDemand).batch[1]).toEqual(one?.batch[1]);
    const ownRun = plainReluRun(deadReluData(1, { n: 64, width: 32 }), 0.01, 60);
    expect(deadReluBlock.view(onDemand, e).charts[1].lines[0].y).toEqual(ownRun.dead);
    // A batch too costly for the budget holds fewer seeds.
    expect(stateOf('activations: GELU, ELU\nsteps: 200').count).toBeLessThan(32);
  });

  it('a learning-rate slider retrains only the runs at that rate', () => {
    const s = stateOf('');
    const moved = deadReluBlock.control(s, 'lr1', 0.05);
    expect(moved.lrs).toEqual([0.01, 0.05]);
    expect(drawnRuns(moved)[0][0]).toBe(drawnRuns(s)[0][0]);
    expect(drawnRuns(moved)[1][0]).toBe(drawnRuns(s)[1][0]);
    expect(drawnRuns(moved)[0][1]).not.toBe(drawnRuns(s)[0][1]);
    expect(deadReluBlock.control(s, 'lr1', 0)).toBe(s);
    expect(deadReluBlock.control(s, 'lr7', 0.1)).toBe(s);
    expect(deadReluBlock.control(s, 'lr0', Number.NaN)).toBe(s);
  });

  it('fewer steps cut the runs short, exactly as training for fewer steps would', () => {
    const runsOf = (s: ReturnType<typeof stateOf>) => s.batch.map((b) => b.runs.map((r) => r.map((x) => x?.run)));
    const cut = deadReluBlock.control(settled(stateOf('')), 'steps', 20);
    expect(runsOf(cut)).toEqual(runsOf(settled(stateOf('steps: 20'))));
    const diverging = stateOf('lr: 3');
    const divergedAt = drawnRuns(diverging)[0][0].run.divergedAt as number;
    expect(drawnRuns(deadReluBlock.control(diverging, 'steps', divergedAt - 1))[0][0].run).toEqual(
      drawnRuns(stateOf(`lr: 3\nsteps: ${divergedAt - 1}`))[0][0].run,
    );
    expect(drawnRuns(deadReluBlock.control(stateOf('steps: 10'), 'steps', 30))).toEqual(
      drawnRuns(stateOf('steps: 30')),
    );
  });
});
