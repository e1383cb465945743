/**
 * Does the note stay responsive while a demo computes? Two scenarios through main.js as built (its Worker included):
 * - the largest ```gradient-flow block (depth 200 × width 256 × batch 64, three activations) rendered while frames
 *   are counted: the largest gap between animation frames, `longtask` entries, and the time until its chart is
 *   drawn — in the Worker, and with `Worker` unavailable (main-thread slices). Each run is marked
 *   (`performance.mark`) so bench/run.mjs can find its longest main-thread task in a trace: over the whole run, and
 *   while the block computes (after the frame that paints its first draw, before the task that delivers the
 *   result and redraws);
 * - the depth slider of a 50 × 64 block dragged one move per frame: main-thread work per move, and whether the
 *   final chart is pixel for pixel the one a fresh block with the final depth draws.
 */
import { pixelHash } from '../../test/browser/support/instrument';
import { moveSlider, openHost, renderTimed } from '../contenders/ours';
import { frameTimes, largestGap, nextFrame, readback, settle, spent, untilComputed } from '../probe';
import { quietStart, record, type Samples } from './timing';

const ACTIVATIONS = 'activations: Sigmoid, Tanh, ReLU';

/** A ```gradient-flow note of the three activations at these sizes. */
function gradientFlowNote(depth: number, width: number, batch?: number): string {
  const lines = [ACTIVATIONS, `depth: ${depth}`, `width: ${width}`, ...(batch ? [`batch: ${batch}`] : [])];
  return `\`\`\`gradient-flow\n${lines.join('\n')}\n\`\`\`\n`;
}

/** The size the issue asks for; a branch that refuses it for time gets its largest accepted width instead. */
const LARGEST = { depth: 200, width: 256, batch: 64 };

/** Samples, plus what each row must say about what it measured. */
export interface ResponsivenessResult {
  samples: Samples;
  notes: Record<string, string>;
  /**
   * Performance marks bounding each timed run, by row key: run.mjs finds the longest task between them (for keys
   * ending in `.computing`, only the tasks strictly between: while the block computed).
   */
  windows: Record<string, [string, string][]>;
}

/** The width to measure at: 256, or the most the block accepts when it refuses 256 ("… at most N"). */
async function acceptedWidth(stage: HTMLElement): Promise<{ width: number; refused?: string }> {
  const host = await openHost(gradientFlowNote(LARGEST.depth, LARGEST.width, LARGEST.batch), false);
  const root = stage.createDiv();
  try {
    await renderTimed(host, root);
    const error = root.querySelector('.activation-lab-error-message')?.textContent ?? '';
    const most = /\bwidth: 256\b.*at most (\d+)/.exec(error);
    if (most) return { width: Number(most[1]), refused: error };
    if (error) throw new Error(`bench: the largest block is refused: ${error}`);
    return { width: 256 };
  } finally {
    host.dispose(); // cancels the job, if one started
    root.remove();
  }
}

/** A longtask observer (Chromium reports tasks over 50 ms): stop() gives their durations. */
function longTasks(): () => number[] {
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return () => {
    for (const entry of observer.takeRecords()) seen.push(entry.duration);
    observer.disconnect();
    return seen;
  };
}

/**
 * The largest block, `reps` times after one warm-up, in the Worker and then without one. Per run: from the handler
 * call to the frame showing the final chart painted (wall), the largest gap between animation frames (while it
 * computes, and over the whole run),
 * and the longest `longtask` entry (0 when none: every task under 50 ms).
 */
export async function largestBlock(stage: HTMLElement, reps: number): Promise<ResponsivenessResult> {
  const result: ResponsivenessResult = { samples: {}, notes: {}, windows: {} };
  const { width, refused } = await acceptedWidth(stage);
  const size = `${LARGEST.depth} × ${width} × ${LARGEST.batch}`;
  result.notes.largestSize = size;
  if (refused) result.notes.largestRefused = `width 256 refused ("${refused}"): measured at the largest width accepted`;
  const note = gradientFlowNote(LARGEST.depth, width, LARGEST.batch);
  const savedWorker = window.Worker;
  for (const path of ['worker', 'fallback'] as const) {
    const key = `largest.${path}`;
    // The fallback: a plugin that finds no Worker runs every job on the main thread in 5 ms slices.
    if (path === 'fallback') (window as { Worker?: unknown }).Worker = undefined;
    const host = await openHost(note, false, 'main.js', { 'warm.md': gradientFlowNote(20, 32) });
    try {
      // A small block first makes the worker (or compiles the slices' code paths): a first use, not counted.
      const warm = stage.createDiv();
      await host.renderNote('warm.md', warm);
      await untilComputed(warm);
      warm.remove();
      for (let r = 1; r <= reps; r++) {
        const root = stage.createDiv();
        await quietStart();
        const at: Record<string, number> = {};
        const mark = (name: string): string => {
          const entry = performance.mark(`bench:${key}:${r}:${name}`);
          at[name] = entry.startTime;
          return entry.name;
        };
        const stopFrames = frameTimes();
        const stopLong = longTasks();
        const start = mark('start');
        const started = await renderTimed(host, root);
        // The block's first draw happens in the next frame (a block rendered off-screen draws when attached, or
        // when scrolled into view): every block's cost, not the computing's. The window starts after it is painted.
        await nextFrame();
        const computing = mark('computing');
        await untilComputed(root);
        const delivered = mark('delivered'); // in the task that delivered the result
        // The next frame lays the chart out for the result, the one after draws it (BlockShell spreads the two).
        await nextFrame();
        const frame = await nextFrame(() => readback(root.querySelectorAll('canvas')));
        const end = mark('end');
        const frames = stopFrames();
        const long = stopLong();
        if (!root.querySelector('canvas') || root.querySelector('.activation-lab-error'))
          throw new Error(`bench: the largest block drew no chart (${path})`);
        record(result.samples, `${key}:total`, frame.afterPaint - started);
        record(result.samples, `${key}:frameGap`, largestGap(frames));
        record(result.samples, `${key}.computing:frameGap`, largestGap(frames, at.computing, at.delivered));
        record(result.samples, `${key}:longtask`, Math.max(0, ...long));
        record(result.samples, `${key}:frames`, frames.length);
        (result.windows[key] ??= []).push([start, end]);
        (result.windows[`${key}.computing`] ??= []).push([computing, delivered]);
        root.remove();
      }
    } finally {
      host.dispose();
      window.Worker = savedWorker;
    }
  }
  return result;
}

/** Depth after `i` moves: down from 50 to 30 and back, one step a frame (a reader scrubbing the slider). */
function depthAt(i: number): number {
  const phase = i % 40;
  return 50 - (phase <= 20 ? phase : 40 - phase);
}

/**
 * The depth slider of a 50 × 64 block (three activations) moved once per frame for `moves` frames, then its final
 * chart compared with a fresh block's. Work per move, charged frame by frame: the input handler (the job requested),
 * the page's rAF callbacks (a delivered result's chart redrawn), handling the worker's messages (results delivered,
 * the next job posted) and rasterising the canvas. The frames that lay a result out and that draw it are also
 * sampled on their own (the last move counts until its result is laid out).
 */
export async function gradientFlowDrag(stage: HTMLElement, moves: number): Promise<ResponsivenessResult> {
  const result: ResponsivenessResult = { samples: {}, notes: {}, windows: {} };
  if (depthAt(moves) === 50) moves++;
  const final = depthAt(moves);
  // One host (the fake allows one plugin's processors at a time): the fresh block is another note of it.
  const host = await openHost(gradientFlowNote(50, 64), false, 'main.js', { 'fresh.md': gradientFlowNote(final, 64) });
  const root = stage.createDiv();
  const fresh = stage.createDiv();
  try {
    await quietStart();
    await renderTimed(host, root);
    await untilComputed(root);
    await settle(2);
    const canvases = () => root.querySelectorAll('canvas');
    const summary = root.querySelector('.activation-lab-summary');
    let redraws = 0;
    const counter = new MutationObserver(() => redraws++);
    if (summary) counter.observe(summary, { childList: true, characterData: true, subtree: true });
    let last = { ...spent, redraws };
    let inputMs = 0;
    let laidOut = false;
    const close = (): void => {
      const raster = readback(canvases());
      const ms = inputMs + raster + spent.rafCallbacks - last.rafCallbacks + spent.workerMessages - last.workerMessages;
      inputMs = 0;
      record(result.samples, 'drag:perMove', ms);
      // A result is laid out in one frame and drawn in the next (BlockShell spreads it): both frames are counted.
      const drew = redraws > last.redraws;
      if (drew) record(result.samples, 'drag:perDraw', ms);
      else if (laidOut) record(result.samples, 'drag:perDrawNext', ms);
      laidOut = drew;
      last = { ...spent, redraws };
    };
    for (let i = 1; i <= moves; i++) {
      await nextFrame(() => {
        if (i > 1) close();
        const t0 = performance.now();
        moveSlider(root, depthAt(i));
        inputMs = performance.now() - t0;
      });
    }
    const t0 = performance.now();
    await untilComputed(root);
    await nextFrame(close); // the final result laid out (with the last move's work)
    await nextFrame(close); // and drawn
    record(result.samples, 'drag:settle', performance.now() - t0);
    counter.disconnect();
    result.notes.dragRedraws = `${redraws}`;
    // The fresh block with the final depth, drawn at the same width.
    await settle(2);
    const a = pixelHash(root.querySelector('canvas') as HTMLCanvasElement);
    await host.renderNote('fresh.md', fresh); // opening another note unloads the dragged one, as in Obsidian
    await untilComputed(fresh);
    await settle(2);
    const b = pixelHash(fresh.querySelector('canvas') as HTMLCanvasElement);
    record(result.samples, 'drag:samePixels', a.hash === b.hash && a.inked === b.inked ? 1 : 0);
    result.notes.dragFinal = `${moves} moves, 50 → 30 → 50 → … → ${final}`;
  } finally {
    host.dispose();
    root.remove();
    fresh.remove();
  }
  return result;
}
