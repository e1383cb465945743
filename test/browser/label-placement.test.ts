/**
 * Labels on the seed note's charts, at a phone's, a note's and a wide pane's width, in both languages: every
 * label lies inside its plot area, no two overlap, and no curve passes through one. The curves are not read
 * back from the plugin: they are the API's f and f′, sampled finely and mapped through the plot's frame.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src/api';
import type { Host } from '../fakes/host';
import type { Component } from '../fakes/obsidian';
import { server } from './support/server';
import { startPlugin, teardown } from './support/plugin-host';
import { frames } from './support/instrument';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}
interface Layout {
  area: Box;
  x: { min: number; max: number };
  y: { min: number; max: number; type: string };
  labels: { text: string; box: Box }[];
  keyed: { text: string }[];
}
type LabelledCanvas = HTMLCanvasElement & { activationLabLabels?: Layout };

const api = createApi();
let host: Host | null = null;
let view: Component | null = null;
afterEach(() => {
  teardown(view, host);
  view = null;
  host = null;
});

/** The ```activation blocks of a note, by title: functions (name + params), derivative, x range. */
/** An activation block's functions as the note wrote them: torch names with parameters, or the note's own definitions. */
type WrittenFunction = { name: string; params: Record<string, number>; definition?: string };

function activationBlocks(note: string): Map<string, { functions: WrittenFunction[]; derivative: boolean }> {
  const out = new Map<string, { functions: WrittenFunction[]; derivative: boolean }>();
  for (const [, body] of note.matchAll(/```activation\n([\s\S]*?)```/g)) {
    const key = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, 'm').exec(body)?.[1].trim();
    const functions = (key('functions') ?? '').split(/,(?![^(]*\))/).map((item): WrittenFunction => {
      const m = /^\s*(\w+)(?:\((.*)\))?\s*$/.exec(item) as RegExpExecArray;
      const params = Object.fromEntries(
        (m[2] ?? '')
          .split(',')
          .filter(Boolean)
          .map((kv) => kv.split('=').map((s) => s.trim()))
          .map(([k, v]) => [k, Number(v)]),
      );
      return { name: m[1], params };
    });
    // A `define:` line names the note's own function: the check evaluates it through the API's expression().
    const define = key('define');
    const defined = define ? /^\s*(\w+)\s*\(/.exec(define)?.[1] : undefined;
    for (const f of functions) if (f.name === defined) f.definition = define;
    out.set(key('title') ?? '', { functions, derivative: key('derivative') !== 'false' });
  }
  return out;
}

/** True when segment (x1, y1)–(x2, y2) meets the box (Liang–Barsky clipping). */
function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const edges: [number, number][] = [
    [-dx, x1 - b.left],
    [dx, b.left + b.width - x1],
    [-dy, y1 - b.top],
    [dy, b.top + b.height - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

const overlap = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const within = (a: Box, area: Box) =>
  a.left >= area.left &&
  a.top >= area.top &&
  a.left + a.width <= area.left + area.width &&
  a.top + a.height <= area.top + area.height;

/** Renders the seed note `width` px wide with every chart drawn; returns each block's title and labelled canvases. */
async function renderSeed(
  width: number,
  language: string,
): Promise<{ title: string; layouts: Layout[]; key: (string | null)[] }[]> {
  const vault = await server.readVault('examples');
  // Not lazy: a chart that scrolled out of view would free its canvas while the test reads it.
  ({ host } = await startPlugin({
    files: vault,
    language,
    pluginData: { 'activation-lab': JSON.stringify({ lazy: false }) },
  }));
  const root = document.body.createDiv();
  root.style.width = `${width}px`;
  view = await host.renderNote('激活函数.md', root);
  // 22 charts: six activation blocks, the nonlinearity demo (three maps and the loss), gradient flow, its histograms
  // (three panels and the share), two zero-centred blocks of two charts, Dead ReLU's three.
  // Gradient flow computes in the background (a worker): under load its final charts can take seconds.
  await vi.waitFor(
    () => {
      expect(root.querySelectorAll('canvas')).toHaveLength(22);
      expect(root.querySelector('.activation-lab-computing')).toBeNull();
    },
    { timeout: 15_000 },
  );
  await frames(2);
  return [...root.querySelectorAll<HTMLElement>('.activation-lab-block')].map((block) => ({
    title: block.querySelector('.activation-lab-title')?.textContent ?? '',
    // Panels drawn as one image (the decision maps) carry no labels.
    layouts: [...block.querySelectorAll<LabelledCanvas>('canvas:not(.activation-lab-panel-canvas)')].map(
      (c) => c.activationLabLabels as Layout,
    ),
    key: [...block.querySelectorAll('.activation-lab-key li')].map((li) => li.textContent),
  }));
}

describe('labels on the seed note never collide', () => {
  for (const language of ['en', 'zh']) {
    for (const width of [320, 700, 1200]) {
      it(`at ${width} px (${language}): inside the plot, apart from each other, clear of every curve`, async () => {
        const note = (await server.readVault('examples'))['激活函数.md'];
        const blocks = activationBlocks(note);
        const rendered = await renderSeed(width, language);
        let labels = 0;
        let checkedCurves = 0;
        for (const { title, layouts, key } of rendered) {
          // A label with no free spot is numbered on the chart and spelled out in the key under the legend.
          expect(key, title).toEqual(layouts.flatMap((l) => l.keyed.map((k, i) => `[${i + 1}]${k.text}`)));
          for (const l of layouts)
            expect(l.labels.filter((b) => /^\[\d+\]$/.test(b.text)).length).toBeLessThanOrEqual(l.keyed.length);
          for (const layout of layouts) {
            expect(layout, title).toBeDefined();
            layout.labels.forEach((l, i) => {
              expect(within(l.box, layout.area), `${title}: ${l.text} inside`).toBe(true);
              layout.labels
                .slice(i + 1)
                .forEach((m) => expect(overlap(l.box, m.box), `${title}: ${l.text} / ${m.text}`).toBe(false));
            });
            labels += layout.labels.length;
            const block = blocks.get(title);
            if (!block) continue;
            const { area, x, y } = layout;
            const px = (v: number) => area.left + ((v - x.min) / (x.max - x.min)) * area.width;
            const py = (v: number) => area.top + ((y.max - v) / (y.max - y.min)) * area.height;
            for (const { name, params, definition } of block.functions) {
              const a = definition ? api.expression(definition) : api.activation(name, params);
              const curves = [(v: number) => a.f(v), (v: number) => a.df(v)];
              for (const g of block.derivative ? curves : curves.slice(0, 1)) {
                const n = 3000;
                let prev: [number, number] | null = null;
                for (let i = 0; i <= n; i++) {
                  const v = x.min + ((x.max - x.min) * i) / n;
                  const p: [number, number] = [px(v), py(g(v))];
                  // A jump (ReLU′ at 0) is a gap in the drawing, not a vertical segment.
                  if (prev && !(Math.abs(p[1] - prev[1]) > 30 && Math.abs(p[0] - prev[0]) < 1)) {
                    // Curves are clipped to the plot area: only the visible part matters.
                    for (const l of layout.labels)
                      expect(
                        segmentHitsBox(prev[0], prev[1], p[0], p[1], l.box),
                        `${title}: ${name} crosses '${l.text}'`,
                      ).toBe(false);
                  }
                  prev = p;
                }
                checkedCurves++;
              }
            }
          }
        }
        expect(labels).toBeGreaterThan(3);
        expect(checkedCurves).toBe(21); // f and f′ of every function the seed note's activation blocks draw
      });
    }
  }
});
