/**
 * Popout windows: "each pop-out window introduces its own Window object, Document object, and fresh copies of all
 * global constructors" (Obsidian's pop-out windows guide). A same-origin iframe stands in for one: its own window,
 * document, constructors, pixel ratio and viewport, with Obsidian's DOM helpers installed as in a popout. Blocks
 * rendered there must use that window for the pixel ratio, observers, timers and listeners, and leave it clean.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Host } from '../fakes/host';
import { installDomHelpers, type Component } from '../fakes/obsidian';
import { THEME_VARIABLES } from '../fakes/host';
import { frames, installInstrumentation, instrumentWindow, liveCounts } from './support/instrument';
import { drawnCanvases, startPlugin, teardown } from './support/plugin-host';

let host: Host | null = null;
let view: Component | null = null;
let frame: HTMLIFrameElement | null = null;

beforeAll(() => installInstrumentation());
afterEach(() => {
  teardown(view, host);
  view = null;
  host = null;
  frame = null;
});

type Globals = Window & {
  ResizeObserver: typeof ResizeObserver;
  IntersectionObserver: typeof IntersectionObserver;
  Event: typeof Event;
};

/** Counts constructions of `win`'s observers (whichever window's constructor a block uses shows up here). */
function countObservers(win: Globals): { resize: number; intersection: number } {
  const made = { resize: 0, intersection: 0 };
  const RO = win.ResizeObserver;
  const IO = win.IntersectionObserver;
  win.ResizeObserver = class extends RO {
    constructor(cb: ResizeObserverCallback) {
      super(cb);
      made.resize++;
    }
  };
  win.IntersectionObserver = class extends IO {
    constructor(cb: IntersectionObserverCallback, o?: IntersectionObserverInit) {
      super(cb, o);
      made.intersection++;
    }
  };
  return made;
}

/** A popout stand-in at pixel ratio 3 (the page runs at 1), with the plugin's styles and the light theme. */
async function popout(): Promise<{ win: Globals; doc: Document }> {
  frame = document.body.createEl('iframe');
  frame.style.width = '760px';
  frame.style.height = '600px';
  const win = frame.contentWindow as Globals;
  const doc = win.document;
  installDomHelpers(win);
  instrumentWindow(win);
  Object.defineProperty(win, 'devicePixelRatio', { value: 3, configurable: true });
  for (const style of document.head.querySelectorAll('style')) doc.head.appendChild(doc.importNode(style, true));
  doc.body.classList.add('theme-light');
  for (const [name, value] of Object.entries(THEME_VARIABLES.light)) doc.body.style.setProperty(name, value);
  await frames(1);
  return { win, doc };
}

describe('a block in a popout window', () => {
  it('draws at the popout’s pixel ratio with the popout’s observers, listeners and frames, and leaves both windows clean', async () => {
    const block = '```activation\nfunctions: GELU\n```';
    host = (await startPlugin({ files: { 'Note.md': `${block}\n\n${'filler\n\n'.repeat(300)}${block}\n` } })).host;
    const { win, doc } = await popout();
    const baseline = liveCounts([doc]);
    const inPopout = countObservers(win);
    const inMain = countObservers(window);
    const popoutListeners = vi.spyOn(win, 'addEventListener');
    const mainListeners = vi.spyOn(window, 'addEventListener');
    const root = doc.body.createDiv();
    root.style.width = '700px';
    view = await host.renderNote('Note.md', root);
    const [canvas] = await drawnCanvases(root, 1);
    // Chart.js sizes the backing store by the pixel ratio it is given: the popout's 3, not the page's 1.
    expect(canvas.ownerDocument).toBe(doc);
    expect(canvas.width / canvas.getBoundingClientRect().width).toBeCloseTo(3, 5);
    expect(inPopout).toEqual({ resize: 2, intersection: 4 });
    expect(inMain).toEqual({ resize: 0, intersection: 0 });
    expect(popoutListeners.mock.calls.filter(([type]) => type === 'beforeprint')).toHaveLength(2);
    expect(mainListeners.mock.calls.filter(([type]) => type === 'beforeprint')).toHaveLength(0);
    // The crosshair follows the pointer on the popout's animation frames.
    const popoutFrames = vi.spyOn(win, 'requestAnimationFrame');
    const rect = canvas.getBoundingClientRect();
    const at = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true };
    canvas.dispatchEvent(new (win as unknown as typeof globalThis).MouseEvent('mousemove', at));
    await vi.waitFor(() => expect(root.querySelector('.activation-lab-readout')?.textContent).toMatch(/^x = /));
    expect(popoutFrames).toHaveBeenCalled();
    // Printing the popout draws its far-away block too.
    expect(root.querySelectorAll('canvas')).toHaveLength(1);
    win.dispatchEvent(new win.Event('beforeprint'));
    expect(root.querySelectorAll('canvas')).toHaveLength(2);
    view.unload();
    view = null;
    root.remove();
    expect(liveCounts([doc])).toEqual(baseline);
  });

  it('draws the nonlinearity panels in the popout’s document and the loss chart at its pixel ratio, with its observers, and cleans up', async () => {
    host = (await startPlugin({ files: { 'Note.md': '```nonlinearity\n```\n' } })).host;
    const { win, doc } = await popout();
    const baseline = liveCounts([doc]);
    const inPopout = countObservers(win);
    const inMain = countObservers(window);
    const root = doc.body.createDiv();
    root.style.width = '700px';
    view = await host.renderNote('Note.md', root);
    const canvases = await drawnCanvases(root, 4);
    const panels = canvases.filter((c) => c.classList.contains('activation-lab-panel-canvas'));
    expect(panels).toHaveLength(3);
    // A panel's map is an image of its own size that CSS scales, its points SVG: crisp at any ratio, nothing to resize.
    for (const c of panels) {
      expect(c.ownerDocument).toBe(doc);
      expect(c.closest('.activation-lab-panel')?.querySelector('svg')?.ownerDocument).toBe(doc);
    }
    const loss = canvases.find((c) => !panels.includes(c)) as HTMLCanvasElement;
    expect(loss.width / loss.getBoundingClientRect().width).toBeCloseTo(3, 1);
    // One resize observer, the loss chart's (CSS sizes the panels; while training the block has no chart); none of
    // the main window's.
    expect(inPopout.resize).toBe(1);
    expect(inMain).toEqual({ resize: 0, intersection: 0 });
    view.unload();
    view = null;
    root.remove();
    // Training ran in the plugin's shared worker, which lives until the plugin unloads.
    expect(liveCounts([doc])).toEqual({ ...baseline, workers: baseline.workers + 1 });
    host.dispose();
    host = null;
    expect(liveCounts([doc]).workers).toBe(baseline.workers);
  });
});
