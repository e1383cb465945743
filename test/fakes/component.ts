/**
 * Imitates obsidian.d.ts `Events`, `EventRef`, `Component` and `MarkdownRenderChild`.
 * No DOM is needed except for `registerDomEvent` (which only touches the target you pass).
 */

import { unwatch, watch, type Watched } from './detach-watch';

type Callback = (...data: unknown[]) => unknown;

/** Imitates obsidian.d.ts `EventRef`: an opaque handle returned by Events.on. */
export interface EventRef {
  /** The Events instance the handler was registered on (fake detail, used by offref). */
  readonly e: Events;
  readonly name: string;
  readonly fn: Callback;
  readonly ctx: unknown;
}

/** Imitates obsidian.d.ts `Events`: a named-event emitter with context binding. */
export class Events {
  private handlers = new Map<string, EventRef[]>();

  /** Imitates `Events.on(name, callback, ctx?)`: registers a handler, returns its EventRef. */
  on(name: string, callback: Callback, ctx?: unknown): EventRef {
    const ref: EventRef = { e: this, name, fn: callback, ctx };
    const list = this.handlers.get(name) ?? [];
    list.push(ref);
    this.handlers.set(name, list);
    return ref;
  }

  /** Imitates `Events.off(name, callback)`: removes every handler of `name` with that callback. */
  off(name: string, callback: Callback): void {
    const list = this.handlers.get(name);
    if (!list) return;
    const kept = list.filter((r) => r.fn !== callback);
    if (kept.length) this.handlers.set(name, kept);
    else this.handlers.delete(name);
  }

  /** Imitates `Events.offref(ref)`: removes exactly the handler behind `ref`. */
  offref(ref: EventRef): void {
    const list = this.handlers.get(ref.name);
    if (!list) return;
    const kept = list.filter((r) => r !== ref);
    if (kept.length) this.handlers.set(ref.name, kept);
    else this.handlers.delete(ref.name);
  }

  /** Imitates `Events.trigger(name, ...data)`: calls handlers in registration order; one handler's error does not stop the others. */
  trigger(name: string, ...data: unknown[]): void {
    const list = this.handlers.get(name);
    if (!list) return;
    for (const ref of list.slice()) this.tryTrigger(ref, data);
  }

  /** Imitates `Events.tryTrigger(evt, args)`: calls one handler; an error is rethrown asynchronously (setTimeout), so the caller continues but the test runner still reports it. */
  tryTrigger(evt: EventRef, args: unknown[]): void {
    try {
      evt.fn.apply(evt.ctx, args);
    } catch (e) {
      setTimeout(() => {
        throw e;
      }, 0);
    }
  }

  /** Fake-only: number of handlers registered for `name` (lets tests assert listeners were cleaned up). */
  listenerCount(name: string): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}

/** Imitates obsidian.d.ts `Component`: load/unload lifecycle with children and registered cleanups. */
export class Component {
  /** Imitates Component's private `_loaded` flag (read-only view for tests). */
  protected _loaded = false;
  private children: Component[] = [];
  private cleanups: (() => unknown)[] = [];

  /** Fake-only: whether this component is currently loaded. */
  get loaded(): boolean {
    return this._loaded;
  }

  /** Imitates `Component.load()`: no-op if loaded; else marks loaded, calls onload, then loads children. */
  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    const result = this.onload() as unknown;
    if (result instanceof Promise) this.loadPromise = result;
    for (const child of this.children.slice()) child.load();
  }

  /** Fake-only: the promise returned by an async `onload`, so hosts can await it (Obsidian awaits plugin onload). */
  loadPromise: Promise<unknown> | null = null;

  /**
   * Imitates `Component.onload()`: override to load your component. obsidian.d.ts types it `void` (only
   * `Plugin.onload` admits a promise); the fake admits one here too because `load()` keeps it as `loadPromise`.
   */
  onload(): Promise<void> | void {}

  /** Imitates `Component.unload()`: no-op if not loaded; unloads children (last first), runs registered callbacks (last first), then onunload. */
  unload(): void {
    if (!this._loaded) return;
    this._loaded = false;
    while (this.children.length) this.children.pop()!.unload();
    while (this.cleanups.length) this.cleanups.pop()!();
    this.onunload();
  }

  /** Imitates `Component.onunload()`: override to unload your component. */
  onunload(): void {}

  /** Fake detail: the component this one was added to (a detached render child leaves it). */
  protected parent: Component | null = null;

  /** Imitates `Component.addChild(c)`: adds `c`, loading it if this component is loaded. */
  addChild<T extends Component>(component: T): T {
    this.children.push(component);
    component.parent = this;
    if (this._loaded) component.load();
    return component;
  }

  /** Imitates `Component.removeChild(c)`: removes `c` and unloads it. */
  removeChild<T extends Component>(component: T): T {
    const i = this.children.indexOf(component);
    if (i >= 0) {
      this.children.splice(i, 1);
      component.parent = null;
      component.unload();
    }
    return component;
  }

  /** Imitates `Component.register(cb)`: `cb` runs when this component unloads. */
  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }

  /** Imitates `Component.registerEvent(ref)`: the handler is detached (offref) on unload. */
  registerEvent(eventRef: EventRef): void {
    this.register(() => eventRef.e.offref(eventRef));
  }

  /** Imitates `Component.registerDomEvent(el, type, cb, options?)`: addEventListener now, removeEventListener on unload. */
  registerDomEvent(
    el: EventTarget,
    type: string,
    callback: (ev: never) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void {
    const listener = callback as unknown as EventListener;
    el.addEventListener(type, listener, options);
    this.register(() => el.removeEventListener(type, listener, options));
  }

  /** Imitates `Component.registerInterval(id)`: clearInterval(id) on unload; returns id. */
  registerInterval(id: number): number {
    this.register(() => clearInterval(id));
    return id;
  }

  /** Fake-only: the currently attached children (copy), for lifecycle assertions. */
  getChildren(): Component[] {
    return this.children.slice();
  }
}

/**
 * Imitates obsidian.d.ts `MarkdownRenderChild(containerEl)`: "when it's no longer attached (for example, when it is
 * replaced with a new version because the user edited the Markdown source code), this component will be unloaded"
 * (see detach-watch.ts: an element handed over detached counts once it has been attached). Its parent's unload
 * unloads it too.
 */
export class MarkdownRenderChild extends Component implements Watched {
  /** Imitates `MarkdownRenderChild.containerEl`. */
  containerEl: HTMLElement;

  /** Imitates `new MarkdownRenderChild(containerEl)`. */
  constructor(containerEl: HTMLElement) {
    super();
    this.containerEl = containerEl;
  }

  /** Imitates `Component.load()`; while loaded, the element's leaving the page unloads this child. */
  load(): void {
    const was = this._loaded;
    super.load();
    if (!was && this._loaded) watch(this);
  }

  /** Imitates `Component.unload()`. */
  unload(): void {
    unwatch(this);
    super.unload();
  }

  /** Fake detail: the element left the page — leave the parent (which unloads) or just unload. */
  endByDetach(): void {
    if (this.parent) this.parent.removeChild(this);
    else this.unload();
  }
}
