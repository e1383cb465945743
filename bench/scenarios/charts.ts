/**
 * The chart figures, contenders interleaved (A B C D E, A B C D E, …) after a warm-up:
 * first chart on a page, 50 charts (per chart and all), first screen of a 50-block note, slider updates.
 */
import { animationDuration } from '../contenders/chartjs-defaults';
import { openHost, renderTimed } from '../contenders/ours';
import { noteOf } from '../contenders/ours';
import type { Contender } from '../contenders/types';
import { LEAKY_START } from '../curves';
import { nextFrame, readback, settle, waitUntil } from '../probe';
import { quietStart, record, timeDraw, timeUpdate, type Samples } from './timing';

/** Draws `count` Sigmoid charts with `contender` once and returns its timing (everything removed after). */
async function drawOnce(stage: HTMLElement, contender: Contender, count: number) {
  const prepared = await contender.prepare(stage, count, 'sigmoid', false);
  await quietStart();
  const timing = await timeDraw(contender, prepared);
  prepared.quiesce?.();
  prepared.dispose();
  return timing;
}

/** Warms every contender up (JIT, fonts, caches) without recording. */
export async function warmUp(stage: HTMLElement, contenders: readonly Contender[], rounds: number): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    for (const c of contenders) {
      await drawOnce(stage, c, 1);
      await drawOnce(stage, c, 10);
    }
  }
}

/** First chart of a page (`firstReps` interleaved rounds) and 50 charts (`fiftyReps`), lazy drawing off for us. */
export async function perChart(
  stage: HTMLElement,
  contenders: readonly Contender[],
  firstReps: number,
  fiftyReps: number,
): Promise<Samples> {
  const samples: Samples = {};
  for (let r = 0; r < Math.max(firstReps, fiftyReps); r++) {
    for (const c of r < firstReps ? contenders : []) {
      const one = await drawOnce(stage, c, 1);
      record(samples, `first:${c.id}`, one.work);
      record(samples, `firstWall:${c.id}`, one.wall);
      record(samples, `firstSync:${c.id}`, one.sync);
      record(samples, `firstRaster:${c.id}`, one.raster);
    }
    for (const c of r < fiftyReps ? contenders : []) {
      const fifty = await drawOnce(stage, c, 50);
      record(samples, `all50:${c.id}`, fifty.work);
      record(samples, `per50:${c.id}`, fifty.work / 50);
      record(samples, `wall50:${c.id}`, fifty.wall);
    }
  }
  return samples;
}

/**
 * First screen of a 50-block note with lazy drawing on: from the first handler call until every block
 * in the viewport has a canvas, rasterised and painted (wall clock: the reader waits through the idle).
 */
export async function firstScreen(stage: HTMLElement, reps: number): Promise<Samples> {
  const samples: Samples = {};
  for (let r = 0; r < reps; r++) {
    const host = await openHost(noteOf('sigmoid', 50), true);
    const container = stage.createDiv();
    await quietStart();
    const started = await renderTimed(host, container);
    const visible = Array.from(container.querySelectorAll<HTMLElement>('.block-language-activation')).filter((b) => {
      const rect = b.getBoundingClientRect();
      return rect.top < window.innerHeight && rect.bottom > 0;
    });
    await waitUntil(container, () => visible.every((b) => b.querySelector('canvas') !== null));
    const canvases = Array.from(container.querySelectorAll('canvas'));
    readback(canvases);
    const frame = await nextFrame();
    record(samples, 'firstScreen:ours', frame.afterPaint - started);
    record(samples, 'firstScreenCharts:ours', canvases.length);
    host.dispose();
    container.remove();
  }
  return samples;
}

/** Slider updates (LeakyReLU `negative_slope`), `perMount` updates per mounted chart, `reps` interleaved rounds. */
export async function sliders(
  stage: HTMLElement,
  contenders: readonly Contender[],
  reps: number,
  perMount = 3,
): Promise<Samples> {
  const samples: Samples = {};
  let step = 0;
  for (let r = 0; r < reps; r++) {
    for (const c of contenders) {
      const prepared = await c.prepare(stage, 1, 'leaky', false);
      await prepared.draw();
      prepared.quiesce?.();
      // One untimed move first: the drag's start (focus, first-use paths), not a steady update.
      prepared.setParam(0.6);
      await settle(2);
      prepared.quiesce?.();
      for (let i = 0; i < perMount; i++) {
        // A new value every time (0.02 … 0.5), never the one already shown.
        const value = Number((LEAKY_START + 0.01 * (1 + (step++ % 49))).toFixed(2));
        const t = await timeUpdate(c, prepared, value);
        record(samples, `update:${c.id}`, t.update);
        record(samples, `updateRaster:${c.id}`, t.updateRaster);
        record(samples, `updateWork:${c.id}`, t.work);
        record(samples, `updateLatency:${c.id}`, t.latency);
        await settle(1);
      }
      prepared.dispose();
    }
  }
  return samples;
}

/** Chart.js defaults: how long the entry animation takes until the final pixels (a few runs). */
export async function chartjsAnimation(stage: HTMLElement, reps: number): Promise<Samples> {
  const samples: Samples = {};
  for (let r = 0; r < reps; r++) {
    await quietStart();
    record(samples, 'animation:cjs-default', await animationDuration(stage, () => nextFrame()));
  }
  return samples;
}
