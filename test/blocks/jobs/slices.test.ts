/**
 * The sliced runner with real timers and a fake clock: slices end within the budget (plus at most one step),
 * results equal the run to the end bit for bit, cancel stops the steps and gives back their resources.
 */
import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { runInSlices, type SliceClock } from '../../../src/blocks/jobs/slices';
import { jobSteps } from '../../../src/blocks/jobs';
import { runToEnd, type Steps } from '../../../src/core/engines/steps';
import { gradientFlowJob, resultBits as flat } from './fixtures';

/** Node's event loop as a slice clock, recording each slice's length. */
function realClock(): SliceClock & { turns: number } {
  const clock = {
    turns: 0,
    now: () => performance.now(),
    later: (fn: () => void) => {
      const id = setTimeout(() => {
        clock.turns++;
        fn();
      }, 0);
      return () => clearTimeout(id);
    },
  };
  return clock;
}

/** Steps that each take `ms` of (fake) time, counting how far they got. */
function* timed(
  clock: { t: number },
  ms: number,
  count: number,
  seen: { steps: number; closed: boolean },
): Steps<number> {
  try {
    for (let i = 0; i < count; i++) {
      clock.t += ms;
      seen.steps++;
      yield (i + 1) / count;
    }
    return count;
  } finally {
    seen.closed = true;
  }
}

/** A fake clock whose turns run when the test says. */
function fakeClock() {
  const queue: (() => void)[] = [];
  const time = { t: 0 };
  const clock: SliceClock = {
    now: () => time.t,
    later: (fn) => {
      queue.push(fn);
      return () => queue.splice(queue.indexOf(fn), 1);
    },
  };
  return { clock, time, queue, turn: () => queue.shift()?.() };
}

describe('runInSlices', () => {
  it('ends each slice before a step that would run past 8 ms, and starts on a later turn', () => {
    const { clock, time, queue, turn } = fakeClock();
    const seen = { steps: 0, closed: false };
    const progress: number[] = [];
    runInSlices(timed(time, 3, 10, seen), clock, 8, (f) => progress.push(f));
    expect(seen.steps).toBe(0); // nothing inside the caller's turn
    const slices: number[] = [];
    while (queue.length) {
      const start = time.t;
      turn();
      slices.push(time.t - start);
    }
    expect(slices).toEqual([6, 6, 6, 6, 6, 0]); // a third step of 3 ms would end at 9 ms; the last turn returns
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('a step longer than the slice runs alone; shorter ones after it fill their own slices', () => {
    const { clock, time, queue, turn } = fakeClock();
    function* uneven(): Steps<number> {
      for (const ms of [12, 1, 1, 1, 1, 1, 1, 1, 1, 1]) {
        time.t += ms;
        yield 0;
      }
      return 0;
    }
    runInSlices(uneven(), clock, 8, () => undefined);
    const slices: number[] = [];
    while (queue.length) {
      const start = time.t;
      turn();
      slices.push(time.t - start);
    }
    expect(slices).toEqual([12, 7, 2]);
  });

  it('gives the result of a real job bit for bit, in slices of 8 ms by the real clock', async () => {
    const job = gradientFlowJob({ depth: 60, width: 48, batch: 16 });
    const alone = runToEnd(jobSteps(job));
    const clock = realClock();
    // What the runner saw: each slice's readings of the real clock (wall time under load says little more).
    const slices: { readings: number[] }[] = [];
    const watched: SliceClock = {
      now: () => {
        const t = clock.now();
        slices.at(-1)?.readings.push(t);
        return t;
      },
      later: (fn) =>
        clock.later(() => {
          slices.push({ readings: [] });
          fn();
        }),
    };
    const sliced = await runInSlices(jobSteps(job), watched, 8, () => undefined).result;
    expect(flat(sliced)).toEqual(flat(alone));
    expect(slices.length).toBeGreaterThan(1);
    for (const [i, { readings }] of slices.entries()) {
      const [start, ...after] = readings;
      const last = i === slices.length - 1;
      // The slice went on after a step only while a step as long as its longest so far would still end within
      // 8 ms; it stopped (unless the run ended) when one would not.
      const longest = after.map((t, k) => Math.max(...after.slice(0, k + 1).map((u, m) => u - [start, ...after][m])));
      expect(after.slice(0, -1).every((t, k) => t + longest[k] < start + 8)).toBe(true);
      if (!last) expect(after.at(-1)! + longest.at(-1)!).toBeGreaterThanOrEqual(start + 8);
    }
  });

  it('cancel stops the steps, closes them and resolves null; later turns do nothing', async () => {
    const { clock, time, turn, queue } = fakeClock();
    const seen = { steps: 0, closed: false };
    const handle = runInSlices(timed(time, 5, 10, seen), clock, 8, () => undefined);
    turn();
    expect(seen.steps).toBe(1); // a second step of 5 ms would end past 8 ms
    handle.cancel();
    expect(queue).toHaveLength(0);
    expect(seen.closed).toBe(true);
    expect(await handle.result).toBeNull();
    handle.cancel(); // twice is harmless
    expect(seen.steps).toBe(1);
  });

  it('rejects when a step throws', async () => {
    const { clock, turn } = fakeClock();
    function* broken(): Steps<number> {
      yield 0.5;
      throw new Error('boom');
    }
    const handle = runInSlices(broken(), clock, 0, () => undefined);
    turn();
    turn();
    await expect(handle.result).rejects.toThrow('boom');
  });

  it('interleaves two jobs (two blocks) without changing either result', async () => {
    const a = gradientFlowJob({ depth: 30, width: 20, batch: 8 });
    const b = { ...gradientFlowJob({ depth: 17, width: 33, batch: 5 }), seed: 9 };
    const clock = realClock();
    const [ra, rb] = await Promise.all(
      [a, b].map((j) => runInSlices(jobSteps(j), clock, 0.05, () => undefined).result),
    );
    expect(flat(ra)).toEqual(flat(runToEnd(jobSteps(a))));
    expect(flat(rb)).toEqual(flat(runToEnd(jobSteps(b))));
    await sleep(1);
  });
});
