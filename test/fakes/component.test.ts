import { afterEach, describe, expect, it, vi } from 'vitest';
import { Component, Events, MarkdownRenderChild } from './component';

afterEach(() => vi.useRealTimers());

describe('Events (imitates obsidian Events)', () => {
  it('calls handlers in order with ctx as this, and off/offref remove them', () => {
    const e = new Events();
    const calls: string[] = [];
    const ctx = { tag: 'ctx' };
    const a = function (this: unknown, x: unknown) {
      calls.push(`a:${String(x)}:${(this as typeof ctx).tag}`);
    };
    const b = (x: unknown) => calls.push(`b:${String(x)}`);
    e.on('x', a, ctx);
    const refB = e.on('x', b);
    e.trigger('x', 1);
    e.offref(refB);
    e.trigger('x', 2);
    e.off('x', a);
    e.trigger('x', 3);
    expect(calls).toEqual(['a:1:ctx', 'b:1', 'a:2:ctx']);
    expect(e.listenerCount('x')).toBe(0);
  });

  it('a throwing handler does not stop the others; the error is rethrown asynchronously', () => {
    vi.useFakeTimers();
    const e = new Events();
    const seen: number[] = [];
    e.on('x', () => {
      throw new Error('boom');
    });
    e.on('x', () => seen.push(1));
    expect(() => e.trigger('x')).not.toThrow();
    expect(seen).toEqual([1]);
    expect(() => vi.runAllTimers()).toThrow('boom');
  });
});

class Logged extends Component {
  constructor(
    private name: string,
    private log: string[],
  ) {
    super();
  }
  onload(): void {
    this.log.push(`load ${this.name}`);
  }
  onunload(): void {
    this.log.push(`unload ${this.name}`);
  }
}

describe('Component (imitates obsidian Component)', () => {
  it('loads children after the parent, unloads children (last first) and callbacks (last first) before onunload', () => {
    const log: string[] = [];
    const parent = new Logged('parent', log);
    parent.addChild(new Logged('c1', log));
    parent.addChild(new Logged('c2', log));
    parent.register(() => log.push('cb1'));
    parent.register(() => log.push('cb2'));
    parent.load();
    parent.load();
    expect(log).toEqual(['load parent', 'load c1', 'load c2']);
    log.length = 0;
    parent.unload();
    parent.unload();
    expect(log).toEqual(['unload c2', 'unload c1', 'cb2', 'cb1', 'unload parent']);
  });

  it('addChild on a loaded parent loads the child at once; removeChild unloads it', () => {
    const log: string[] = [];
    const parent = new Logged('p', log);
    parent.load();
    const child = parent.addChild(new Logged('c', log));
    expect(child.loaded).toBe(true);
    parent.removeChild(child);
    expect(log).toEqual(['load p', 'load c', 'unload c']);
    expect(parent.getChildren()).toEqual([]);
  });

  it('registerEvent detaches the handler on unload', () => {
    const e = new Events();
    const c = new Component();
    c.load();
    c.registerEvent(e.on('x', () => {}));
    expect(e.listenerCount('x')).toBe(1);
    c.unload();
    expect(e.listenerCount('x')).toBe(0);
  });

  it('registerDomEvent removes the listener and registerInterval clears the interval on unload', () => {
    vi.useFakeTimers();
    const target = new EventTarget();
    const c = new Component();
    c.load();
    let clicks = 0,
      ticks = 0;
    c.registerDomEvent(target, 'click', () => clicks++);
    const id = c.registerInterval(setInterval(() => ticks++, 10) as unknown as number);
    expect(typeof id).not.toBe('undefined');
    target.dispatchEvent(new Event('click'));
    vi.advanceTimersByTime(25);
    c.unload();
    target.dispatchEvent(new Event('click'));
    vi.advanceTimersByTime(50);
    expect([clicks, ticks]).toEqual([1, 2]);
  });

  it('async onload is exposed as loadPromise; MarkdownRenderChild keeps containerEl', async () => {
    class Async extends Component {
      done = false;
      async onload() {
        await Promise.resolve();
        this.done = true;
      }
    }
    const a = new Async();
    a.load();
    await a.loadPromise;
    expect(a.done).toBe(true);
    const el = {} as HTMLElement;
    expect(new MarkdownRenderChild(el).containerEl).toBe(el);
  });
});
