/**
 * Counts what a block leaves behind: live observers (Resize/Intersection/Mutation), DOM listeners on any target
 * (window and document included), intervals, object URLs and workers, by wrapping the browser's constructors and
 * listener methods — in the page and in any other window handed to `instrumentWindow` (a popout stand-in).
 */

interface Live {
  observers: Set<object>;
  listeners: Map<string, number>;
  intervals: Set<number>;
  objectUrls: Set<string>;
  workers: Set<object>;
}

const live: Live = {
  observers: new Set(),
  listeners: new Map(),
  intervals: new Set(),
  objectUrls: new Set(),
  workers: new Set(),
};
const instrumented = new WeakSet<Window>();

/** Marks an observer live from its first observe() until disconnect(). */
function track(observer: object, alive: boolean): void {
  if (alive) live.observers.add(observer);
  else live.observers.delete(observer);
}

const listenerKey = (target: EventTarget, type: string, fn: unknown, opts: unknown): string | null => {
  if (typeof fn !== 'function' && (typeof fn !== 'object' || fn === null)) return null;
  let ids = keys.get(fn);
  if (ids === undefined) keys.set(fn, (ids = ++nextId));
  let tid = keys.get(target);
  if (tid === undefined) keys.set(target, (tid = ++nextId));
  // The DOM tells listeners apart by target, type, callback and capture.
  const capture = typeof opts === 'boolean' ? opts : Boolean((opts as EventListenerOptions | undefined)?.capture);
  return `${tid}:${type}:${ids}:${capture}`;
};
const keys = new WeakMap<object, number>();
let nextId = 0;

type AddListener = (
  this: EventTarget,
  type: string,
  fn: EventListenerOrEventListenerObject | null,
  opts?: boolean | AddEventListenerOptions,
) => void;
type RemoveListener = (
  this: EventTarget,
  type: string,
  fn: EventListenerOrEventListenerObject | null,
  opts?: boolean | EventListenerOptions,
) => void;

/** Wraps `owner`'s listener methods (a prototype, or a window/document whose runner bound its own) to count listeners. */
function wrapListeners(owner: { addEventListener: AddListener; removeEventListener: RemoveListener }): void {
  const add = owner.addEventListener;
  const remove = owner.removeEventListener;
  owner.addEventListener = function (type, fn, opts) {
    const key = listenerKey(this, type, fn, opts);
    if (key && !live.listeners.has(key)) live.listeners.set(key, 1);
    return add.call(this, type, fn, opts);
  };
  owner.removeEventListener = function (type, fn, opts) {
    const key = listenerKey(this, type, fn, opts);
    if (key) live.listeners.delete(key);
    return remove.call(this, type, fn, opts);
  };
}

/** The globals of one window that get wrapped. */
type Globals = Window & {
  ResizeObserver: typeof ResizeObserver;
  IntersectionObserver: typeof IntersectionObserver;
  MutationObserver: typeof MutationObserver;
  EventTarget: typeof EventTarget;
  URL: typeof URL;
  Worker: typeof Worker;
};

/** Installs the counters in `win` (once per window): the page's, or a popout stand-in's. */
export function instrumentWindow(win: Window): void {
  if (instrumented.has(win)) return;
  instrumented.add(win);
  const g = win as Globals;
  const RO = g.ResizeObserver;
  const IO = g.IntersectionObserver;
  const MO = g.MutationObserver;
  g.ResizeObserver = class extends RO {
    observe(target: Element, options?: ResizeObserverOptions): void {
      track(this, true);
      super.observe(target, options);
    }
    disconnect(): void {
      track(this, false);
      super.disconnect();
    }
  };
  g.IntersectionObserver = class extends IO {
    observe(target: Element): void {
      track(this, true);
      super.observe(target);
    }
    disconnect(): void {
      track(this, false);
      super.disconnect();
    }
  };
  g.MutationObserver = class extends MO {
    observe(target: Node, options?: MutationObserverInit): void {
      track(this, true);
      super.observe(target, options);
    }
    disconnect(): void {
      track(this, false);
      super.disconnect();
    }
  };
  wrapListeners(g.EventTarget.prototype);
  // A test runner may give window/document listener methods of their own (bound, not the prototype's): wrap those too.
  for (const target of [win, win.document])
    if (Object.prototype.hasOwnProperty.call(target, 'addEventListener')) wrapListeners(target as never);
  const setI = win.setInterval.bind(win);
  const clearI = win.clearInterval.bind(win);
  win.setInterval = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = setI(fn, ms, ...rest);
    live.intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  win.clearInterval = (id?: number) => {
    if (id !== undefined) live.intervals.delete(id);
    clearI(id);
  };
  const createUrl = g.URL.createObjectURL.bind(g.URL);
  const revokeUrl = g.URL.revokeObjectURL.bind(g.URL);
  g.URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = createUrl(obj);
    live.objectUrls.add(url);
    return url;
  };
  g.URL.revokeObjectURL = (url: string) => {
    live.objectUrls.delete(url);
    revokeUrl(url);
  };
  if (typeof g.Worker === 'function') {
    const W = g.Worker;
    g.Worker = class extends W {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        live.workers.add(this);
      }
      terminate(): void {
        live.workers.delete(this);
        super.terminate();
      }
    };
  }
}

/** Installs the counters in the page once per test file. */
export function installInstrumentation(): void {
  instrumentWindow(window);
}

/** What is alive right now (canvases in the page and in `also`, e.g. a popout stand-in's document). */
export function liveCounts(also: Document[] = []): {
  observers: number;
  listeners: number;
  intervals: number;
  objectUrls: number;
  workers: number;
  canvases: number;
} {
  return {
    observers: live.observers.size,
    listeners: live.listeners.size,
    intervals: live.intervals.size,
    objectUrls: live.objectUrls.size,
    workers: live.workers.size,
    canvases: [document, ...also].reduce((n, d) => n + d.querySelectorAll('canvas').length, 0),
  };
}

/** Resolves after `n` animation frames (slider updates are coalesced to one per frame). */
export async function frames(n = 2): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
}

/** A cheap fingerprint of a canvas's pixels, to tell whether a redraw changed anything. */
export function pixelHash(canvas: HTMLCanvasElement): { hash: number; inked: number } {
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 2166136261;
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] !== 0) inked++;
    hash = Math.imul(hash ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)), 16777619);
  }
  return { hash: hash >>> 0, inked };
}
