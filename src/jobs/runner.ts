/**
 * The plugin's job runner: one shared Web Worker, created on the first job that needs it and terminated on
 * unload, running main.js's own code. Where no worker can be made (the sources run unbundled, `Worker` is
 * missing, or creating or loading it fails), the same steps run on the block's own window in slices of 5 ms.
 */
import { jobSteps } from '../blocks/jobs';
import type { Job, JobHandle } from '../blocks/jobs/job';
import type { FromWorker, ToWorker } from '../blocks/jobs/host';
import { runInSlices, type SliceClock } from '../blocks/jobs/slices';
import { workerSource } from './worker-source';

/**
 * Main-thread slices: 5 ms, as React's scheduler yields. A slice is one task; on a busy machine the OS can stretch
 * any task by a few milliseconds, so a short slice keeps even a stretched one well within a frame.
 */
const MAIN_SLICE_MS = 5;

/** A job posted to the worker and not settled yet. */
interface Posted {
  job: Job;
  win: Window;
  onProgress: (fraction: number) => void;
  settle: (result: unknown) => void;
  fail: (error: unknown) => void;
  /** Set when the worker failed to load and the job moved to the main thread. */
  moved?: JobHandle;
}

/** The window the worker is made in, with the constructors used. */
type Home = Window & { Worker?: typeof Worker; URL: typeof URL; Blob: typeof Blob };

/** A slice clock that can be closed once its run settles. */
type ClosableClock = SliceClock & { close(): void };

/**
 * Turns of `win`'s event loop (a popout's own, for a block in a popout). The next slice is a message on a channel,
 * not a timer: nested `setTimeout(0)` is clamped to 4 ms, which would leave the thread idle almost as long as it
 * works. Frames and input still come between slices (the browser renders between tasks when a frame is due).
 */
function windowClock(win: Window): ClosableClock {
  const now = () => win.performance.now();
  const Channel = (win as Window & { MessageChannel?: typeof MessageChannel }).MessageChannel;
  if (typeof Channel !== 'function')
    return {
      now,
      later: (fn) => {
        const id = win.setTimeout(fn, 0);
        return () => win.clearTimeout(id);
      },
      close: () => undefined,
    };
  const channel = new Channel();
  let pending: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const fn = pending;
    pending = null;
    fn?.();
  };
  return {
    now,
    later: (fn) => {
      pending = fn;
      channel.port2.postMessage(null);
      return () => {
        if (pending === fn) pending = null;
      };
    },
    close: () => {
      pending = null;
      channel.port1.onmessage = null;
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/** Runs jobs in the shared worker, or on the main thread where there is none. */
export class JobRunner {
  private worker: Worker | null = null;
  private url: string | null = null;
  /** No worker can be had: every job runs on the main thread. */
  private noWorker = false;
  private nextId = 1;
  private readonly posted = new Map<number, Posted>();
  private readonly local = new Set<JobHandle>();

  /** `home` is the window the worker belongs to (the main one: a popout's worker would die with the popout). */
  constructor(
    private readonly home: Home,
    private readonly source: () => string | null = workerSource,
  ) {}

  /** Starts `job`; main-thread slices, if it comes to that, run on `win` (the block's window). */
  run(job: Job, onProgress: (fraction: number) => void, win: Window): JobHandle {
    const worker = this.noWorker ? null : this.ensureWorker();
    if (!worker) return this.runHere(job, onProgress, win);
    const id = this.nextId++;
    let settle: (result: unknown) => void = () => undefined;
    let fail: (error: unknown) => void = () => undefined;
    const result = new Promise<unknown>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    this.posted.set(id, { job, win, onProgress, settle, fail });
    this.post({ type: 'run', id, job });
    return {
      result,
      cancel: () => {
        const p = this.posted.get(id);
        if (!p) return;
        this.posted.delete(id);
        if (p.moved) p.moved.cancel();
        else this.post({ type: 'cancel', id });
        p.settle(null);
      },
    };
  }

  /** Terminates the worker and stops every job (plugin unload). */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.revoke();
    for (const p of this.posted.values()) {
      p.moved?.cancel();
      p.settle(null);
    }
    this.posted.clear();
    for (const h of this.local) h.cancel();
    this.local.clear();
    this.noWorker = true;
  }

  private runHere(job: Job, onProgress: (fraction: number) => void, win: Window): JobHandle {
    let steps;
    try {
      steps = jobSteps(job);
    } catch (error) {
      return {
        result: Promise.reject(error instanceof Error ? error : new Error(String(error))),
        cancel: () => undefined,
      };
    }
    const clock = windowClock(win);
    const handle = runInSlices(steps, clock, MAIN_SLICE_MS, onProgress);
    this.local.add(handle);
    const forget = () => {
      this.local.delete(handle);
      clock.close();
    };
    handle.result.then(forget, forget);
    return handle;
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    const Ctor = this.home.Worker;
    const source = typeof Ctor === 'function' ? this.source() : null;
    if (!Ctor || source === null) {
      this.noWorker = true;
      return null;
    }
    try {
      const url = this.home.URL.createObjectURL(new this.home.Blob([source], { type: 'text/javascript' }));
      this.url = url;
      const worker = new Ctor(url);
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.workerFailed();
      };
      this.worker = worker;
      return worker;
    } catch {
      this.revoke();
      this.noWorker = true;
      return null;
    }
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') {
      this.revoke(); // the worker has loaded its source
      return;
    }
    const p = this.posted.get(message.id);
    if (!p) return; // cancelled meanwhile
    if (message.type === 'progress') {
      p.onProgress(message.fraction);
      return;
    }
    this.posted.delete(message.id);
    if (message.type === 'done') p.settle(message.result);
    else p.fail(new Error(message.message));
  }

  /** The worker could not load (or died): its jobs move to the main thread, and so do all later ones. */
  private workerFailed(): void {
    this.worker?.terminate();
    this.worker = null;
    this.revoke();
    this.noWorker = true;
    for (const [id, p] of this.posted) {
      const here = this.runHere(p.job, p.onProgress, p.win);
      p.moved = here;
      const forget = () => this.posted.delete(id);
      here.result.then(
        (result) => (forget(), p.settle(result)),
        (error: unknown) => (forget(), p.fail(error)),
      );
    }
  }

  private revoke(): void {
    if (this.url !== null) this.home.URL.revokeObjectURL(this.url);
    this.url = null;
  }
}
