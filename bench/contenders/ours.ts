/**
 * Our plugin, the real path: the plugin class from main.ts loaded into the fake Obsidian host
 * (test/fakes/host.ts), a note of ```activation blocks rendered with host.renderNote, so each block goes
 * handler → BlockChild → BlockShell → ChartView. Timing starts at the first code-block handler call
 * (the fake's Markdown rendering before it is not ours to measure).
 */
import { Plugin } from 'obsidian';
import ActivationLabPlugin from '../../main';
import { createHost, type Host } from '../../test/fakes/host';
import type { CurveKind } from '../curves';
import { type Contender, type Prepared } from './types';

/** When the first code-block handler ran since the last reset (performance.now()). */
let firstHandlerCall: number | null = null;

// Wrap every code-block handler the plugin registers, to learn when Obsidian would hand it a block.
type Register = Plugin['registerMarkdownCodeBlockProcessor'];
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
const register: Register = Plugin.prototype.registerMarkdownCodeBlockProcessor;
Plugin.prototype.registerMarkdownCodeBlockProcessor = function (this: Plugin, language, handler, sortOrder) {
  return register.call(
    this,
    language,
    (source, el, ctx) => {
      firstHandlerCall ??= performance.now();
      return handler(source, el, ctx);
    },
    sortOrder,
  );
};

/** The body of one block of `kind`. */
const BLOCK: Record<CurveKind, string> = {
  sigmoid: '```activation\nfunctions: Sigmoid\n```\n',
  leaky: '```activation\nfunctions: LeakyReLU\n```\n',
};

/** A note of `count` blocks of `kind`. */
export function noteOf(kind: CurveKind, count: number): string {
  return Array.from({ length: count }, () => BLOCK[kind]).join('\n');
}

/** A host with the plugin loaded and `note` saved as bench.md; `lazy` is the plugin's lazy-drawing setting. */
export async function openHost(note: string, lazy: boolean): Promise<Host> {
  const host = createHost({ files: { 'bench.md': note }, pluginData: { 'activation-lab': JSON.stringify({ lazy }) } });
  await host.loadPlugin(ActivationLabPlugin);
  return host;
}

/** Renders bench.md of `host` into a new container in `stage`; resolves with the first handler call's time. */
export async function renderTimed(host: Host, container: HTMLElement): Promise<number> {
  firstHandlerCall = null;
  await host.renderNote('bench.md', container);
  if (firstHandlerCall === null) throw new Error('bench: no code-block handler ran');
  return firstHandlerCall;
}

/**
 * Moves the first range input under `root` to `value` as a user would: a dragged range input has
 * focus (pointerdown focuses it), then each move is an `input` event.
 */
export function moveSlider(root: HTMLElement, value: number): void {
  const input = root.querySelector<HTMLInputElement>('input[type=range]');
  if (!input) throw new Error('bench: no slider');
  if (document.activeElement !== input) input.focus({ preventScroll: true });
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Our plugin, through the fake Obsidian host. */
export const ours: Contender = {
  id: 'ours',
  label: 'ours',
  drawsInFrame: false,
  updatesInFrame: true,
  async prepare(stage, count, kind, lazy): Promise<Prepared> {
    const host = await openHost(noteOf(kind, count), lazy);
    const container = stage.createDiv();
    return {
      draw: () => renderTimed(host, container),
      canvases: () => Array.from(container.querySelectorAll('canvas')),
      setParam: (value) => moveSlider(container, value),
      dispose() {
        host.dispose();
        container.remove();
      },
    };
  },
};
