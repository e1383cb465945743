/**
 * The two timings every chart scenario uses. "Work" is main-thread time to drawn pixels with vsync idle
 * left out: the synchronous drawing, the forced rasterisation (readback), and the next frame from its
 * first rAF callback until after its paint (style, layout, paint, commit — and, for contenders that
 * draw in that frame, their drawing and readback). "Wall" also counts the wait for that frame.
 */
import type { Contender, Prepared } from '../contenders/types';
import { collectGarbage, nextFrame, readback, settle } from '../probe';

/** Result keys → samples in ms (or counts). */
export type Samples = Record<string, number[]>;

/** Appends `value` to `samples[key]`. */
export function record(samples: Samples, key: string, value: number): void {
  (samples[key] ??= []).push(value);
}

/** Time to drawn pixels for all charts of `prepared`. */
export interface DrawTiming {
  /** Synchronous drawing (for us: from the first handler call). */
  sync: number;
  /** Readback, i.e. rasterisation of the canvases. */
  raster: number;
  /** The next frame's main-thread work. */
  frame: number;
  /** sync + raster outside the frame + frame. */
  work: number;
  /** From the start to after the frame's paint, idle included. */
  wall: number;
}

/** Quiet start: page at the top, garbage collected, two frames settled. */
export async function quietStart(): Promise<void> {
  window.scrollTo(0, 0);
  collectGarbage();
  await settle(2);
}

/** Draws `prepared` and times it to drawn pixels. */
export async function timeDraw(contender: Contender, prepared: Prepared): Promise<DrawTiming> {
  const t0 = performance.now();
  const started = (await prepared.draw()) ?? t0;
  const syncEnd = performance.now();
  const rasterNow = contender.drawsInFrame ? 0 : readback(prepared.canvases());
  const frame = await nextFrame(contender.drawsInFrame ? () => readback(prepared.canvases()) : undefined);
  const sync = syncEnd - started;
  return {
    sync,
    raster: rasterNow + frame.readbackMs,
    frame: frame.frameMs,
    work: sync + rasterNow + frame.frameMs,
    wall: frame.afterPaint - started,
  };
}

/** One slider update, to drawn pixels. */
export interface UpdateTiming {
  /** The update itself: input handling plus the page's rAF callbacks (our coalesced redraw, Chart.js's animation step). */
  update: number;
  /** Readback of the updated canvas. */
  raster: number;
  /** update + raster: the figure the slider budget is about. */
  updateRaster: number;
  /** Everything, the frame's style/layout/paint included (vsync idle excluded). */
  work: number;
  /** From the input to after the paint, idle included. */
  latency: number;
}

/** Moves the first chart's slider to `value` and times the update to drawn pixels (every canvas read back). */
export async function timeUpdate(contender: Contender, prepared: Prepared, value: number): Promise<UpdateTiming> {
  const first = (): HTMLCanvasElement[] => prepared.canvases();
  const t0 = performance.now();
  prepared.setParam(value);
  const sync = performance.now() - t0;
  const rasterNow = contender.updatesInFrame ? 0 : readback(first());
  const frame = await nextFrame(contender.updatesInFrame ? () => readback(first()) : undefined);
  prepared.quiesce?.();
  const update = sync + frame.callbacksMs;
  const raster = rasterNow + frame.readbackMs;
  return {
    update,
    raster,
    updateRaster: update + raster,
    work: sync + rasterNow + frame.frameMs,
    latency: frame.afterPaint - t0,
  };
}
