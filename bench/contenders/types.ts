/** What every contender (our plugin, the raw-canvas floor, the peers) offers the scenarios. */
import type { CurveKind } from '../curves';

/** Charts prepared but not drawn yet: setup (slots, host, plugin) is done, so `draw()` times only drawing. */
export interface Prepared {
  /**
   * Draws every chart. Returns when the synchronous part is done, with the time the measured work
   * started if it is not the call itself (our plugin: the first code-block handler call).
   */
  draw(): Promise<number | undefined> | number | undefined;
  /** Canvases holding the charts' pixels (empty for SVG). */
  canvases(): HTMLCanvasElement[];
  /** Moves the slider of the first chart to `value` (LeakyReLU `negative_slope`) the way its UI would. */
  setParam(value: number): void;
  /** Stops anything still running (animations) after a measurement. */
  quiesce?(): void;
  /** Removes everything it created. */
  dispose(): void;
}

/** One way to get the same chart on screen. */
export interface Contender {
  /** Short id, used in URLs and result keys. */
  id: string;
  /** Column title in the table. */
  label: string;
  /**
   * True when pixels appear only in a later animation frame (Chart.js animation, SVG painted by the
   * browser, our coalesced slider update): the readback then runs inside that frame.
   */
  drawsInFrame: boolean;
  /** Same for slider updates. */
  updatesInFrame: boolean;
  /** Sets up `count` charts of `kind` in `stage`. `lazy` only matters to our plugin. */
  prepare(stage: HTMLElement, count: number, kind: CurveKind, lazy: boolean): Promise<Prepared>;
}

/** A 600 × 300 CSS-pixel box like the one our block reserves, appended to `parent`. */
export function slot(parent: HTMLElement): HTMLDivElement {
  const el = document.createElement('div');
  el.style.cssText = 'position: relative; width: 600px; height: 300px; margin: 8px 0;';
  parent.appendChild(el);
  return el;
}

/** Chart size in CSS pixels (the canvas holds twice that at devicePixelRatio 2). */
export const WIDTH = 600;
/** See WIDTH. */
export const HEIGHT = 300;
