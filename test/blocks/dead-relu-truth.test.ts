/**
 * Every sentence the ```dead-relu summary shows, checked against direct counts: over 50 batches (base seeds
 * spaced 7 apart, so 1 600 networks and every "new data" draw of them) and over the slider ranges, each run is
 * retrained here from the seed and its outcome read straight off the loss and dead-unit arrays.
 */
import { describe, expect, it } from 'vitest';
import { deadReluBlock } from '../../src/blocks/dead-relu';
import { bindActivation } from '../../src/core/activations';
import { deadRelu, type DeadReluRun } from '../../src/core/engines/dead-relu/dead-relu';
import { deadReluData } from '../../src/core/engines/dead-relu/data';
import { formatNumber } from '../../src/core/plot/format';
import { env, parseOk } from './fixtures';
import { sweepLength, timeLimit } from '../helpers/property-runs';

const ACTIVATIONS = { ReLU: bindActivation('ReLU'), LeakyReLU: bindActivation('LeakyReLU') };
const cache = new Map<string, DeadReluRun>();
/** Trains one network directly (cached: batches overlap). */
function direct(name: 'ReLU' | 'LeakyReLU', lr: number, seed: number, steps: number): DeadReluRun {
  const key = `${name} ${lr} ${seed} ${steps}`;
  const a = ACTIVATIONS[name];
  if (!a.ok) throw new Error(name);
  if (!cache.has(key))
    cache.set(key, deadRelu({ activation: a.value, ...deadReluData(seed, { n: 64, width: 32 }), lr, steps }));
  return cache.get(key) as DeadReluRun;
}
const near = (shown: string, truth: number) => shown === formatNumber(truth, 3);
const variance = (t: number[]) => {
  const m = t.reduce((s, v) => s + v, 0) / t.length;
  return t.reduce((s, v) => s + (v - m) ** 2, 0) / t.length;
};

/** Checks the summary of the block `lr: lrs, steps, seed` after `clicks` presses of "new data"; returns the drawn seed. */
function check(lrs: number[], steps: number, seed: number, clicks = 0): number {
  const e = env();
  let s = deadReluBlock.init(parseOk(deadReluBlock, `lr: ${lrs.join(', ')}\nsteps: ${steps}\nseed: ${seed}`, e), e);
  for (let k = 0; k < clicks; k++) s = deadReluBlock.control(s, 'seed', 0);
  for (let next = deadReluBlock.background?.(s); next; next = deadReluBlock.background?.(s)) s = next;
  let rest = deadReluBlock.view(s, e).summary ?? '';
  const take = (pattern: string): RegExpMatchArray => {
    const m = new RegExp(`^${pattern} ?`).exec(rest);
    if (!m) throw new Error(`expected /${pattern}/ at: ${rest}`);
    rest = rest.slice(m[0].length);
    return m;
  };
  const runs = (['ReLU', 'LeakyReLU'] as const).flatMap((name) =>
    lrs.map((lr) => ({ name, lr, label: `${name}, lr ${lr}` })),
  );
  const head = take(String.raw`Same training on (\d+) draws of data and weights \(seeds (\d+)–(\d+)\): `);
  const count = Number(head[1]);
  expect([Number(head[2]), Number(head[3])]).toEqual([seed, seed + count - 1]);
  runs.forEach((r, n) => {
    const outcomes = Array.from({ length: count }, (_, j) => {
      const run = direct(r.name, r.lr, seed + j, steps);
      const last = run.dead[run.dead.length - 1];
      return run.divergedAt !== undefined ? 'diverged' : last === 32 ? 'all' : last > 0 ? 'some' : 'none';
    });
    const c = (o: string) => outcomes.filter((x) => x === o).length;
    const end = n === runs.length - 1 ? '\\.' : ';';
    if (r.name === 'ReLU') {
      const m = take(String.raw`${r.label}: (\d+) diverged, (\d+) lost every unit, (\d+) lost some, (\d+) none${end}`);
      expect(m.slice(1).map(Number)).toEqual([c('diverged'), c('all'), c('some'), c('none')]);
    } else {
      const m = take(
        String.raw`${r.label}: (\d+) diverged, (\d+) ended with units ≤ 0 on every sample, (\d+) with none${end}`,
      );
      expect(m.slice(1).map(Number)).toEqual([c('diverged'), c('all') + c('some'), c('none')]);
    }
  });
  const drawnSeed = seed + (clicks % count);
  const which = take(String.raw`Drawn: seed (\d+) \((\d+) of (\d+)\)\.`);
  expect(which.slice(1).map(Number)).toEqual([drawnSeed, (clicks % count) + 1, count]);
  const t = deadReluData(drawnSeed, { n: 64, width: 32 }).t;
  for (const r of runs) {
    const run = direct(r.name, r.lr, drawnSeed, steps);
    const last = run.loss.length - 1;
    const dead = run.dead[last];
    if (run.divergedAt !== undefined) {
      expect(Number(take(String.raw`${r.label}: the loss overflows, diverged at step (\d+)\.`)[1])).toBe(
        run.divergedAt,
      );
    } else if (r.name === 'ReLU' && dead === 32) {
      const m = take(
        String.raw`${r.label}: all 32 units dead from step (\d+); only the output bias learns, so the loss stays ≥ the targets' variance (\S+) \(final (\S+)\)\.`,
      );
      const from = Number(m[1]);
      expect(run.dead.slice(from).every((d) => d === 32) && (from === 0 || run.dead[from - 1] < 32)).toBe(true);
      expect(near(m[2], variance(t)) && near(m[3], run.loss[last])).toBe(true);
      expect(run.loss[last]).toBeGreaterThanOrEqual(variance(t) * (1 - 1e-12));
    } else if (r.name === 'ReLU') {
      const m = take(
        dead === 0
          ? String.raw`${r.label}: no dead units; final loss (\S+)\.`
          : String.raw`${r.label}: (\d+) of 32 units dead; final loss (\S+)\.`,
      );
      if (dead > 0) expect(Number(m[1])).toBe(dead);
      expect(near(m[m.length - 1], run.loss[last])).toBe(true);
    } else if (dead === 0) {
      expect(
        near(
          take(String.raw`${r.label}: no unit has pre-activation ≤ 0 on every sample; final loss (\S+)\.`)[1],
          run.loss[last],
        ),
      ).toBe(true);
    } else {
      // LeakyReLU's slope below 0 is 0.01: those units get gradient (the engine's norm over them is > 0).
      expect(run.deadGradNorm[last]).toBeGreaterThan(0);
      const m = take(
        String.raw`${r.label}: (\d+) of 32 units have pre-activation ≤ 0 on every sample but still learn \(negative slope ≠ 0\); final loss (\S+)\.`,
      );
      expect(Number(m[1])).toBe(dead);
      expect(near(m[2], run.loss[last])).toBe(true);
    }
  }
  expect(rest).toBe('');
  return drawnSeed;
}

describe('every sentence of the ```dead-relu summary is true of the runs it counts and draws', () => {
  it(
    'at the defaults, for 50 batches (1 600 networks), drawing a different seed of each',
    () => {
      // Under mutation testing one batch: each is 64 trainings, and with the training loop instrumented five of them
      // passed a minute in the dry run.
      for (let b = 0; b < sweepLength(50, 1); b++) check([0.01, 0.1], 60, 7 * b, b);
    },
    timeLimit(60_000),
  );

  it(
    'over the slider ranges of lr (0.001–1) and steps (1–200)',
    () => {
      for (const [lrs, steps] of [
        [[0.001, 1], 60],
        [[0.05, 0.3], 1],
        [[0.15, 0.5], 200],
        [[0.01, 0.15], 60],
      ] as const) {
        // Under mutation testing one seed per range (each is 64 trainings of the instrumented loop).
        for (const seed of [3, 40, 1000].slice(0, sweepLength(3, 1))) check([...lrs], steps, seed, seed % 5);
      }
    },
    timeLimit(60_000),
  );

  it('in Chinese, with the same counts', () => {
    const e = env('zh');
    let s = deadReluBlock.init(parseOk(deadReluBlock, '', e), e);
    for (let next = deadReluBlock.background?.(s); next; next = deadReluBlock.background?.(s)) s = next;
    const zh = deadReluBlock.view(s, e).summary ?? '';
    const en = deadReluBlock.view(s, env()).summary ?? '';
    const numbers = (text: string) => (text.replace('slope ≠ 0', '').match(/\d+(\.\d+)?/g) ?? []).sort();
    expect(numbers(zh)).toEqual(numbers(en));
    expect(zh).toMatch(
      /^同样的训练在 32 组数据和权重上（种子 0–31）：ReLU，学习率 0\.01：0 个发散，0 个全部神经元死亡，0 个部分死亡，32 个没有；/,
    );
  });
});
