/**
 * Frame and pixel probes for the bench page. Imported FIRST by page.ts: Chart.js captures
 * `window.requestAnimationFrame` when its module is evaluated, so the wrapper must already be in place.
 *
 * Every rAF callback of the page (our BlockShell, Chart.js's animator) runs through the wrapper, which
 * records when the frame's first callback started and how long the page's callbacks took. The bench's
 * own frame waits use the raw rAF, so they are never counted as page work.
 *
 * Workers made by the page are wrapped too: the main-thread time of handling their messages (the job's result
 * delivered, the chart redrawn, progress shown) is added up, so a block computing in a worker is still charged
 * for what it costs the main thread.
 */

const rawRaf = window.requestAnimationFrame.bind(window);
let frameTs = -1;
let frameStart = 0;
let pageCallbacksMs = 0;

/** Starts the bookkeeping of a new frame the first time any callback of that frame runs. */
function enterFrame(ts: number): void {
  if (ts === frameTs) return;
  frameTs = ts;
  frameStart = performance.now();
  pageCallbacksMs = 0;
}

/** Main-thread ms since the page loaded, by where it went (only ever grows; take differences). */
export const spent = { rafCallbacks: 0, workerMessages: 0 };

/** The page's rAF callbacks requested and not yet run or cancelled: drawing still to come. */
const pendingPageFrames = new Set<number>();

window.requestAnimationFrame = (callback: FrameRequestCallback): number => {
  const id = rawRaf((ts) => {
    pendingPageFrames.delete(id);
    enterFrame(ts);
    const start = performance.now();
    try {
      callback(ts);
    } finally {
      const ms = performance.now() - start;
      pageCallbacksMs += ms;
      spent.rafCallbacks += ms;
    }
  });
  pendingPageFrames.add(id);
  return id;
};
const rawCancel = window.cancelAnimationFrame.bind(window);
window.cancelAnimationFrame = (id: number): void => {
  pendingPageFrames.delete(id);
  rawCancel(id);
};

/** Microtask hops waited after a message handler: the promise chain it settles (result → lane → redraw) runs in them. */
const MICROTASK_HOPS = 16;

/** Runs a message handler and charges it, and the microtasks it queues, to `spent.workerMessages`. */
function chargeMessage(handle: () => void): void {
  const start = performance.now();
  try {
    handle();
  } finally {
    let hops = MICROTASK_HOPS;
    const hop = (): void => {
      if (--hops > 0) queueMicrotask(hop);
      else spent.workerMessages += performance.now() - start;
    };
    queueMicrotask(hop);
  }
}

/** `Worker` whose `onmessage` handler is charged (the job runner sets `onmessage`). */
const RawWorker = window.Worker;
class ChargedWorker extends RawWorker {
  override set onmessage(handler: ((this: Worker, ev: MessageEvent) => unknown) | null) {
    super.onmessage = handler && ((event: MessageEvent) => chargeMessage(() => handler.call(this, event)));
  }
  override get onmessage(): ((this: Worker, ev: MessageEvent) => unknown) | null {
    return super.onmessage;
  }
}
window.Worker = ChargedWorker;

/** What one frame cost on the main thread. */
export interface FrameCost {
  /** From the frame's first rAF callback to the task after its paint: callbacks, style, layout, paint, commit. */
  frameMs: number;
  /** Time in the page's own rAF callbacks (our coalesced slider update, Chart.js's animation step). */
  callbacksMs: number;
  /** Time of the `inFrame` readback, run after the page's callbacks. */
  readbackMs: number;
  /** performance.now() after the frame was painted. */
  afterPaint: number;
}

/** Calls `fn` in the first task after the current frame's rendering (style, layout, paint, commit). */
export function afterPaint(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/** Waits for the next frame, runs `inFrame` after the page's own rAF callbacks, resolves after that frame is painted. */
export function nextFrame(inFrame?: () => void): Promise<FrameCost> {
  return new Promise((resolve) =>
    rawRaf((ts) => {
      enterFrame(ts);
      const callbacksMs = pageCallbacksMs;
      const r0 = performance.now();
      inFrame?.();
      const readbackMs = performance.now() - r0;
      const start = frameStart;
      afterPaint(() => {
        const now = performance.now();
        resolve({ frameMs: now - start, callbacksMs, readbackMs, afterPaint: now });
      });
    }),
  );
}

/**
 * After a job's result was delivered: the painted frame that shows the final view, i.e. the first frame after which
 * the page has no rAF callback pending (a result drawn in the delivering task: the next frame; one laid out in a
 * frame and drawn in the one after: that one). `inFrame` runs in each frame after the page's callbacks.
 */
export async function untilDrawn(inFrame: () => void, maxFrames = 10): Promise<FrameCost> {
  let frame = await nextFrame(inFrame);
  for (let n = 1; n < maxFrames && pendingPageFrames.size > 0; n++) frame = await nextFrame(inFrame);
  return frame;
}

/** Resolves after `n` painted frames (lets observers, timers and animations settle). */
export async function settle(n = 2): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/**
 * Forces every canvas to be rasterised: a 1×1 readback flushes the canvas's recorded drawing
 * commands into its bitmap, so the time spent here is the rasterisation that drawing deferred.
 */
export function readback(canvases: Iterable<HTMLCanvasElement>): number {
  const t0 = performance.now();
  for (const canvas of canvases) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
  }
  return performance.now() - t0;
}

/** Runs a major GC when Chromium was started with --js-flags=--expose-gc, so collections stay out of timed regions. */
export function collectGarbage(): void {
  (window as { gc?: () => void }).gc?.();
}

/** Used JS heap in MiB (needs --enable-precise-memory-info), or NaN where Chromium does not report it. */
export function usedHeapMiB(): number {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 2 ** 20 : NaN;
}

/** Resolves once `ready()` holds, checking after each DOM mutation under `root` and at each frame. */
export function waitUntil(root: Node, ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ready()) return resolve();
    const deadline = performance.now() + timeoutMs;
    let done = false;
    const finish = (): void => {
      done = true;
      observer.disconnect();
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (!done && ready()) finish();
    });
    observer.observe(root, { childList: true, subtree: true });
    const poll = (): void => {
      if (done) return;
      if (ready()) return finish();
      if (performance.now() > deadline) {
        done = true;
        observer.disconnect();
        return reject(new Error('waitUntil: timed out'));
      }
      rawRaf(poll);
    };
    rawRaf(poll);
  });
}

/** Blocks show this class while a job computes their view (src/chart/block-shell.ts). */
const COMPUTING = '.activation-lab-computing';

/** Whether a block under `root` is computing in a job (worker or main-thread slices). */
export function computing(root: Element): boolean {
  return root.querySelector(COMPUTING) !== null;
}

/**
 * Resolves as soon as no block under `root` computes: the result has been delivered (the class goes in the task
 * that delivers it; the block redraws in a rAF callback it requested there, so the next frame's callbacks draw it
 * before the bench's own). Observed by a MutationObserver, so it resolves within that task.
 */
export function untilComputed(root: Element, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!computing(root)) return resolve();
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('untilComputed: timed out'));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (computing(root)) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  });
}

/** Records the time of every animation frame from now on (raw rAF, so no page work is counted); stop() gives them. */
export function frameTimes(): () => number[] {
  const times: number[] = [];
  let stopped = false;
  const tick = (ts: number): void => {
    if (stopped) return;
    times.push(ts);
    rawRaf(tick);
  };
  rawRaf(tick);
  return () => {
    stopped = true;
    return times;
  };
}

/** The largest gap between consecutive frame times that both lie within [from, to] (0 when fewer than two do). */
export function largestGap(times: readonly number[], from = -Infinity, to = Infinity): number {
  const inside = times.filter((t) => t >= from && t <= to);
  let largest = 0;
  for (let i = 1; i < inside.length; i++) largest = Math.max(largest, inside[i] - inside[i - 1]);
  return largest;
}
