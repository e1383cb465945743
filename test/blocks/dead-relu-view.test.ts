/**
 * ```dead-relu's view model from runs delivered by its jobs, chosen here by hand for every seed of the batch, so
 * the charts, read-out, CSV and every sentence of the summary (the batch's counts included) are checked against
 * numbers we know; then the job bookkeeping, controls and the batch size.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { deadReluBlock } from '../../src/blocks/dead-relu';
import type { DeadReluRun } from '../../src/core/engines/dead-relu/dead-relu';
import { deadReluData } from '../../src/core/engines/dead-relu/data';
import type { Lang } from '../../src/i18n';
import type { DeadReluRunInput } from '../../src/blocks/jobs/engine-runs';
import type { RunsJob } from '../../src/blocks/jobs/job';
import { env, parseOk } from './fixtures';

const initOf = (source: string, lang: Lang = 'en') =>
  deadReluBlock.init(parseOk(deadReluBlock, source, env(lang)), env(lang));
type State = ReturnType<typeof initOf>;
const job = (s: State) => deadReluBlock.job!(s) as RunsJob<'dead-relu', DeadReluRunInput> | null;
const received = (s: State, r: DeadReluRun[]) => deadReluBlock.received!(s, r);

const run = (loss: number[], dead: number[], grad: number[], divergedAt?: number): DeadReluRun => ({
  loss,
  dead,
  deadGradNorm: grad,
  ...(divergedAt !== undefined ? { divergedAt } : {}),
});

/**
 * Seed j's four runs (ReLU at 0.01 and 0.1, then LeakyReLU at 0.01 and 0.1), width 4, 3 steps:
 * ReLU 0.01 loses one unit on even seeds, none on odd ones; ReLU 0.1 loses all four from step 2 on every seed;
 * LeakyReLU 0.01 has two units ≤ 0 that still learn on seeds 0–3, none after; LeakyReLU 0.1 diverges at step 2 on
 * every fourth seed and ends with one unit ≤ 0 that gets no gradient on the others.
 */
function fakes(j: number): DeadReluRun[] {
  return [
    j % 2 === 0
      ? run([1, 0.5, 0.25, 0.125], [0, 0, 1, 1], [0, 0, 0, 0])
      : run([1, 0.5, 0.25, 0.125], [0, 0, 0, 0], [0, 0, 0, 0]),
    run([1, 2, 4, 4], [0, 2, 4, 4], [0, 0, 0, 0]),
    j < 4 ? run([1, 0.5, 0.25, 0.2], [0, 1, 1, 2], [0, 1, 1, 1]) : run([1, 0.5, 0.25, 0.2], [0, 0, 0, 0], [0, 0, 0, 0]),
    j % 4 === 0 ? run([1, 10, 1e300], [0, 1, 1], [0, 0, 0], 2) : run([1, 0.5, 0.3, 0.3], [0, 1, 1, 1], [0, 0, 0, 0]),
  ];
}

const SOURCE = 'activations: ReLU, LeakyReLU\nlr: 0.01, 0.1\nwidth: 4\nsamples: 8\nsteps: 3';

/** Every seed delivered by its job, in the order the jobs ask; the seeds they asked for. */
function deliverAll(s: State): { s: State; seeds: number[] } {
  const seeds: number[] = [];
  for (let j = job(s); j; j = job(s)) {
    const seed = j.runs[0].seed;
    seeds.push(seed);
    expect(j.runs).toHaveLength(4);
    s = received(s, fakes(seed));
  }
  return { s, seeds };
}

const population = (t: readonly number[]) => {
  const mean = t.reduce((a, b) => a + b, 0) / t.length;
  return t.reduce((a, b) => a + (b - mean) ** 2, 0) / t.length;
};
const three = (v: number) => String(Number(v.toPrecision(3)));

describe('```dead-relu view of delivered runs', () => {
  // Built in each test (not while the file loads), so a mutation run sees the code under test.
  let s: State;
  let seeds: number[];
  let v: ReturnType<typeof deadReluBlock.view>;
  let loss: ReturnType<typeof deadReluBlock.view>['charts'][number];
  let dead: typeof loss;
  let negative: typeof loss;
  beforeEach(() => {
    ({ s, seeds } = deliverAll(initOf(SOURCE)));
    v = deadReluBlock.view(s, env());
    [loss, dead, negative] = v.charts;
  });

  it('asks for the drawn seed first, then each other seed of the batch once, in order', () => {
    expect(s.count).toBe(32);
    expect(seeds).toEqual(Array.from({ length: 32 }, (_, j) => j));
    expect(job(s)).toBeNull();
    expect(deadReluBlock.background!(s)).toBeNull();
  });

  it('draws the loss on a log axis over whole decades, one line per activation × lr', () => {
    expect(loss.x).toEqual({ type: 'linear', min: 0, max: 3, integer: true, step: 1, title: 'step' });
    // Converging runs span 0.125 … 4 → [0.1, 10]; the diverging run's 1e300 leaves the top.
    expect(loss.y).toEqual({ type: 'logarithmic', min: 0.1, max: 10, title: 'loss (mean squared error)' });
    expect(loss.lines.map((l) => [l.id, l.label, l.colorIndex, l.dashed, l.width, l.dots])).toEqual([
      ['loss0', 'ReLU, lr 0.01', 0, false, 4.5, true],
      ['loss1', 'ReLU, lr 0.1', 1, true, 4.5, true],
      ['loss2', 'LeakyReLU, lr 0.01', 2, false, 2, true],
      ['loss3', 'LeakyReLU, lr 0.1 (diverged at step 2)', 3, true, 2, true],
    ]);
    expect(loss.lines[0].x).toEqual([0, 1, 2, 3]);
    expect(loss.lines[0].y).toEqual([1, 0.5, 0.25, 0.125]);
    expect(loss.lines[3].x).toEqual([0, 1, 2]);
    expect(loss.lines[3].y).toEqual([1, 10, 1e300]);
    expect([loss.bands, loss.markers, loss.zeroAxes]).toEqual([[], [], false]);
  });

  it('counts dead units for ReLU and units ≤ 0 that learn for LeakyReLU, each on its own chart', () => {
    expect(dead.y).toEqual({
      type: 'linear',
      min: 0,
      max: 4,
      integer: true,
      step: 1,
      title: 'dead units, f′ = 0 (of 4)',
    });
    expect(dead.lines.map((l) => [l.id, l.y])).toEqual([
      ['dead0', [0, 0, 1, 1]],
      ['dead1', [0, 2, 4, 4]],
    ]);
    expect(negative.lines.map((l) => [l.id, l.y])).toEqual([
      ['negative2', [0, 1, 1, 2]],
      ['negative3', [0, 1, 1]],
    ]);
    expect([dead.bands, dead.markers, dead.zeroAxes]).toEqual([[], [], false]);
    expect(v.legend).toEqual([
      { label: 'ReLU, lr 0.01', colorIndex: 0, dashed: false },
      { label: 'ReLU, lr 0.1', colorIndex: 1, dashed: true },
      { label: 'LeakyReLU, lr 0.01', colorIndex: 2, dashed: false },
      { label: 'LeakyReLU, lr 0.1 (diverged at step 2)', colorIndex: 3, dashed: true },
    ]);
  });

  it('states the batch’s outcomes, which draw is shown, then a sentence per drawn run', () => {
    const t = deadReluData(0, { n: 8, width: 4 }).t;
    expect(v.summary).toBe(
      'Same training on 32 draws of data and weights (seeds 0–31): ' +
        'ReLU, lr 0.01: 0 diverged, 0 lost every unit, 16 lost some, 16 none; ' +
        'ReLU, lr 0.1: 0 diverged, 32 lost every unit, 0 lost some, 0 none; ' +
        'LeakyReLU, lr 0.01: 0 diverged, 4 ended with units ≤ 0 on every sample, 28 with none; ' +
        'LeakyReLU, lr 0.1: 8 diverged, 24 ended with units ≤ 0 on every sample, 0 with none. ' +
        'Drawn: seed 0 (1 of 32). ' +
        'ReLU, lr 0.01: 1 of 4 units dead; final loss 0.125. ' +
        `ReLU, lr 0.1: all 4 units dead from step 2; only the output bias learns, so the loss stays ≥ the targets' variance ${three(population(t))} (final 4). ` +
        'LeakyReLU, lr 0.01: 2 of 4 units have pre-activation ≤ 0 on every sample but still learn (negative slope ≠ 0); final loss 0.2. ' +
        'LeakyReLU, lr 0.1: the loss overflows, diverged at step 2.',
    );
  });

  it('says so for a draw with no dead units and one whose units ≤ 0 get no gradient', () => {
    const next = deadReluBlock.control(s, 'seed', 0);
    expect(next.index).toBe(1);
    const summary = deadReluBlock.view(next, env()).summary ?? '';
    expect(summary).toContain('Drawn: seed 1 (2 of 32). ReLU, lr 0.01: no dead units; final loss 0.125. ');
    expect(summary).toMatch(
      /LeakyReLU, lr 0\.1: 1 of 4 units have pre-activation ≤ 0 on every sample and get no gradient; final loss 0\.3\.$/,
    );
  });

  it('joins the sentences without spaces in Chinese', () => {
    const zh = deadReluBlock.view(s, env('zh')).summary ?? '';
    expect(zh).toContain(
      '。图中为种子 0（32 组中的第 1 组）。ReLU，学习率 0.01：4 个神经元中有 1 个死亡；最终损失 0.125。',
    );
    expect(zh).not.toContain('。 ');
  });

  it('reads out each chart at the step under the pointer, "diverged" past a run’s end', () => {
    expect(v.readout(0, 2.4)).toEqual({
      heading: 'step 2 · loss',
      rows: [
        { label: 'ReLU, lr 0.01', value: '0.25', colorIndex: 0, dashed: false },
        { label: 'ReLU, lr 0.1', value: '4', colorIndex: 1, dashed: true },
        { label: 'LeakyReLU, lr 0.01', value: '0.25', colorIndex: 2, dashed: false },
        { label: 'LeakyReLU, lr 0.1', value: '1e+300', colorIndex: 3, dashed: true },
      ],
    });
    expect(v.readout(0, 9).rows.map((r) => r.value)).toEqual(['0.125', '4', '0.2', 'diverged']);
    expect(v.readout(0, -3).heading).toBe('step 0 · loss');
    expect(v.readout(1, 3)).toEqual({
      heading: 'step 3 · dead units',
      rows: [
        { label: 'ReLU, lr 0.01', value: '1 of 4', colorIndex: 0, dashed: false },
        { label: 'ReLU, lr 0.1', value: '4 of 4', colorIndex: 1, dashed: true },
      ],
    });
    expect(v.readout(2, 3).heading).toBe('step 3 · units ≤ 0, learning');
    expect(v.readout(2, 3).rows.map((r) => r.value)).toEqual(['2 of 4', 'diverged']);
    // Past the last chart the read-out is the loss's.
    expect(v.readout(7, 1).heading).toBe('step 1 · loss');
  });

  it('exports loss and counts per step, empty cells past a diverged run’s end', () => {
    const rows = v.csv().split('\r\n');
    expect(rows[0]).toBe(
      'step,"ReLU, lr 0.01 loss","ReLU, lr 0.01 dead","ReLU, lr 0.1 loss","ReLU, lr 0.1 dead",' +
        '"LeakyReLU, lr 0.01 loss","LeakyReLU, lr 0.01 units <= 0","LeakyReLU, lr 0.1 loss","LeakyReLU, lr 0.1 units <= 0"',
    );
    expect(rows[1]).toBe('0,1,0,1,0,1,0,1,0');
    expect(rows[4]).toBe('3,0.125,1,4,4,0.2,2,,');
    expect(rows).toHaveLength(6);
  });

  it('keeps the runs the job delivered intact, and the state before', () => {
    const fresh = initOf(SOURCE);
    const result = fakes(0);
    const after = received(fresh, result);
    expect(result).toHaveLength(4);
    expect(fresh.batch[0].runs.flat().every((r) => r === undefined)).toBe(true);
    expect(after.batch[0].runs.flat().every((r) => r !== undefined)).toBe(true);
  });

  it('a moved learning rate asks again for only the runs at that rate, priced by what is left', () => {
    const moved = deadReluBlock.control(s, 'lr1', 0.05);
    const j = job(moved);
    expect(j?.runs.map((r) => [r.lr, r.seed])).toEqual([
      [0.05, 0],
      [0.05, 0],
    ]);
    // Two fused runs left: 2 unit-updates × 8 samples × 4 units × 3 steps at 20 ns.
    expect(j?.expectedMs).toBeCloseTo(2 * 8 * 4 * 3 * 2e-5, 15);
  });

  it('cutting the steps keeps a divergence at or before the new end, and drops a later one', () => {
    const two = deadReluBlock.view(deadReluBlock.control(s, 'steps', 2), env());
    expect(two.charts[0].lines[3].label).toBe('LeakyReLU, lr 0.1 (diverged at step 2)');
    const one = deadReluBlock.view(deadReluBlock.control(s, 'steps', 1), env());
    expect(one.charts[0].lines[3].label).toBe('LeakyReLU, lr 0.1');
    expect(one.charts[0].lines[3].y).toEqual([1, 10]);
  });
});

describe('```dead-relu with an activation neither dead nor linear below 0', () => {
  it('gives no reason why units ≤ 0 still learn (ELU)', () => {
    let s = initOf('activations: ELU\nlr: 0.01\nwidth: 4\nsamples: 8\nsteps: 3');
    for (let j = job(s); j; j = job(s)) s = received(s, [run([1, 0.5, 0.25, 0.2], [0, 1, 1, 2], [0, 1, 1, 1])]);
    expect(deadReluBlock.view(s, env()).summary).toMatch(
      /Drawn: seed 0 \(1 of 32\)\. ELU, lr 0\.01: 2 of 4 units have pre-activation ≤ 0 on every sample but still learn; final loss 0\.2\.$/,
    );
  });
});

describe('```dead-relu batch and controls', () => {
  it('holds as many seeds as the work budget admits', () => {
    // Budget 32 × 4 × 64 × 32 × 60 weighted unit-updates; one fused activation at two rates, 64 samples, 32 units,
    // 200 steps costs 819 200 per seed: 19 seeds fit.
    expect(initOf('activations: ReLU\nlr: 0.01, 0.1\nsteps: 200').count).toBe(19);
  });

  it('draws seed j from seed + j, and a single-seed batch summarises only its draw', () => {
    const s = initOf(SOURCE);
    expect(s.batch[1].seed).toBe(1);
    expect(s.batch[1].data).toEqual(deadReluData(1, { n: 8, width: 4 }));
    // GELU has no fused passes (6× a unit): 6 × 64 × 32 × 700 = 8.6 M per seed, so only one seed fits.
    const one = initOf('activations: GELU\nlr: 0.01\nsteps: 700\nseed: 5');
    expect(one.count).toBe(1);
    const trained = deadReluBlock.background!(one);
    expect(trained).not.toBeNull();
    expect(deadReluBlock.background!(trained!)).toBeNull();
    const summary = deadReluBlock.view(trained!, env()).summary ?? '';
    expect(summary).toMatch(/^GELU, lr 0\.01: /);
    expect(summary).not.toContain('Drawn');
  });

  it('steps the count axis so its top tick is the width', () => {
    // Four parts if they divide it, else 5, 3, 6, 8, 7; else a nice step (11 / 4 → 5).
    const stepOf = (width: number) =>
      deadReluBlock.view(initOf(`activations: ReLU\nlr: 0.01\nwidth: ${width}\nsamples: 4\nsteps: 2`), env()).charts[1]
        .y.step;
    expect([12, 10, 9, 7, 11].map(stepOf)).toEqual([3, 2, 3, 1, 5]);
  });

  it('dots the lines up to 30 steps; the steps axis ticks on whole nice steps', () => {
    const chart = (steps: number) =>
      deadReluBlock.view(initOf(`activations: ReLU\nlr: 0.01\nwidth: 2\nsamples: 4\nsteps: ${steps}`), env()).charts[0];
    expect(chart(30).lines[0].dots).toBe(true);
    expect(chart(31).lines[0].dots).toBe(false);
    expect(chart(60).x.step).toBe(10);
  });

  it('takes whole steps ≥ 1 and learning rates ≥ 10⁻⁶ for existing sliders only', () => {
    const s = initOf(SOURCE);
    const c = (st: State, id: string, value: number | string) => deadReluBlock.control(st, id, value);
    expect(c(s, 'steps', 1).steps).toBe(1);
    expect(c(s, 'steps', 0.4)).toBe(s);
    expect(c(s, 'steps', '5')).toBe(s);
    expect(c(s, 'steps', Infinity)).toBe(s);
    expect(c(s, 'lr0', 1e-6).lrs).toEqual([1e-6, 0.1]);
    expect(c(s, 'lr0', 9e-7)).toBe(s);
    expect(c(s, 'lr2', 0.05)).toBe(s);
    expect(c(s, 'lr0x', 0.05)).toBe(s);
    expect(c(s, 'xlr0', 0.05)).toBe(s);
    expect(c(s, 'width', 0.05)).toBe(s);
  });

  it('the placeholder says what trains', () => {
    const p = deadReluBlock.placeholder!(initOf(SOURCE), env());
    expect(p.charts[0].description).toBe('Training ReLU, LeakyReLU…');
    expect(p.controls.map((x) => x.id)).toEqual(['lr0', 'lr1', 'steps', 'seed']);
  });
});
