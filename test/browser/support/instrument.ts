/**
 * Counts what a block leaves behind: live observers (Resize/Intersection/Mutation), DOM listeners and
 * intervals, by wrapping the browser's constructors and EventTarget methods for the whole test file.
 */

interface Live {
  observers: Set<object>;
  listeners: Map<string, number>;
  intervals: Set<number>;
}

const live: Live = { observers: new Set(), listeners: new Map(), intervals: new Set() };
let installed = false;

/** Marks an observer live from its first observe() until disconnect(). */
function track(observer: object, alive: boolean): void {
  if (alive) live.observers.add(observer);
  else live.observers.delete(observer);
}

const listenerKey = (target: EventTarget, type: string, fn: unknown): string | null => {
  if (typeof fn !== 'function' && (typeof fn !== 'object' || fn === null)) return null;
  let ids = keys.get(fn);
  if (ids === undefined) keys.set(fn, (ids = ++nextId));
  let tid = keys.get(target);
  if (tid === undefined) keys.set(target, (tid = ++nextId));
  return `${tid}:${type}:${ids}`;
};
const keys = new WeakMap<object, number>();
let nextId = 0;

/** EventTarget's listener methods as plain functions that take their target as `this`. */
interface ListenerMethods {
  addEventListener: (
    this: EventTarget,
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    opts?: boolean | AddEventListenerOptions,
  ) => void;
  removeEventListener: (
    this: EventTarget,
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    opts?: boolean | EventListenerOptions,
  ) => void;
}

/** Installs the counters once per test file. */
export function installInstrumentation(): void {
  if (installed) return;
  installed = true;
  const RO = window.ResizeObserver;
  const IO = window.IntersectionObserver;
  const MO = window.MutationObserver;
  window.ResizeObserver = class extends RO {
    observe(target: Element, options?: ResizeObserverOptions): void {
      track(this, true);
      super.observe(target, options);
    }
    disconnect(): void {
      track(this, false);
      super.disconnect();
    }
  };
  window.IntersectionObserver = class extends IO {
    observe(target: Element): void {
      track(this, true);
      super.observe(target);
    }
    disconnect(): void {
      track(this, false);
      super.disconnect();
    }
  };
  window.MutationObserver = class extends MO {
    observe(target: Node, options?: MutationObserverInit): void {
      track(this, true);
      super.observe(target, options);
    }
    disconnect(): void {
      track(this, false);
      super.disconnect();
    }
  };
  // The originals, captured before patching and re-called with `.call(target, …)`: typed as functions of an explicit `this`.
  const originals: ListenerMethods = EventTarget.prototype;
  const add = originals.addEventListener;
  const remove = originals.removeEventListener;
  EventTarget.prototype.addEventListener = function (
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    opts?: boolean | AddEventListenerOptions,
  ) {
    const key = listenerKey(this, type, fn);
    if (key && !live.listeners.has(key)) live.listeners.set(key, 1);
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    opts?: boolean | EventListenerOptions,
  ) {
    const key = listenerKey(this, type, fn);
    if (key) live.listeners.delete(key);
    return remove.call(this, type, fn, opts);
  };
  const setI = window.setInterval.bind(window);
  const clearI = window.clearInterval.bind(window);
  window.setInterval = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = setI(fn, ms, ...rest);
    live.intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) live.intervals.delete(id);
    clearI(id);
  }) as typeof window.clearInterval;
}

/** What is alive right now. */
export function liveCounts(): { observers: number; listeners: number; intervals: number; canvases: number } {
  return {
    observers: live.observers.size,
    listeners: live.listeners.size,
    intervals: live.intervals.size,
    canvases: document.querySelectorAll('canvas').length,
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
