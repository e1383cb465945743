/**
 * No silent writes: every fixture block (the corpus blocks that draw a chart, and every note of the
 * example vault when it exists) is rendered through the built main.js and every control is worked — each
 * slider at several values, each select option, each button, hover over each canvas, the export menu, a
 * light → dark → light theme switch — and the fake vault must record no write at all (not even data.json:
 * nothing here changes a setting).
 *
 * Deliberately NOT clicked, because they say they write and writing is what the user asks for:
 * - "Save PNG to vault" (export): saves an attachment on an explicit click;
 * - "update link to [[…]]" (wiki-links, class activation-lab-update-link): rewrites the block's own link
 *   through vault.process, only when clicked.
 * Links (captions, context panel titles) are navigation, not controls, and are not clicked either.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BLOCK_KINDS } from '../../src/blocks';
import { en, zh } from '../helpers/message-tables';
import { HOSTILE_CORPUS, HOSTILE_NOTE, type HostileBlock } from '../hostile/corpus';
import { fenced } from '../hostile/payloads';
import { createHost, type Host } from '../fakes/host';
import type { Component } from '../fakes/obsidian';
import { loadBuiltPlugin } from './support/built-plugin';
import { drawn, outcome, pause } from './support/hostile-checks';
import { frames } from './support/instrument';
import { server } from './support/server';
import { teardown } from './support/plugin-host';

/** Labels of the controls that write on purpose, in both languages (see the header). */
const WRITING_LABELS = [en['export.savePng'], zh['export.savePng']];
const UPDATE_LINK_PREFIXES = [en['context.updateLink'], zh['context.updateLink']].map((l) =>
  l.slice(0, l.indexOf('[[')).trim(),
);

const registered = BLOCK_KINDS.map((k) => k.language);
/**
 * Corpus blocks that may draw (markup in titles, links, tabs, enormous sizes, …; the ones meant to fail have no
 * controls), one note per language and category, all blocks of the group in it.
 */
const groups = new Map<string, HostileBlock[]>();
for (const b of HOSTILE_CORPUS) {
  if (!registered.includes(b.language) || b.expect === 'error' || b.category === 'megabyte-body') continue;
  const key = `${b.language} / ${b.category}`;
  groups.set(key, [...(groups.get(key) ?? []), b]);
}
const corpusFixtures = [...groups].map(([name, blocks]) => ({
  name: `${name} (${blocks.length} block${blocks.length > 1 ? 's' : ''})`,
  files: Object.assign({}, ...blocks.map((b) => b.files ?? {})) as Record<string, string>,
  note: `# Top\n\n${blocks.map((b) => fenced(b.language, b.source)).join('\n')}`,
}));

let host: Host | null = null;
let view: Component | null = null;
let examples: Record<string, string> = {};

beforeAll(async () => {
  // The example vault is in the repository: failing to read it fails the tests instead of checking nothing.
  examples = await server.readVault('examples');
});

afterEach(() => {
  teardown(view, host);
  view = null;
  host = null;
  window.scrollTo(0, 0);
});

/** Whether a button says it writes (and so is left alone). */
function writes(button: HTMLElement): boolean {
  const label = (button.textContent ?? button.getAttribute('aria-label') ?? '').trim();
  return (
    button.matches('.activation-lab-update-link') ||
    WRITING_LABELS.includes(label) ||
    UPDATE_LINK_PREFIXES.some((p) => p && label.startsWith(p))
  );
}

/** Works every control of one block element; returns how many it worked. */
async function workControls(block: HTMLElement): Promise<number> {
  let worked = 0;
  for (const slider of block.querySelectorAll<HTMLInputElement>('input[type=range]')) {
    const min = Number(slider.min);
    const max = Number(slider.max);
    // The far end drawn, then a drag through the other end and the middle back to the start (redraws are
    // coalesced per frame, as in a real drag).
    for (const [i, v] of [max, min, (min + max) / 2, Number(slider.defaultValue)].entries()) {
      slider.value = String(v);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
      if (i === 0 || i === 3) await frames(1);
    }
    worked++;
  }
  for (const select of block.querySelectorAll<HTMLSelectElement>('select')) {
    for (const option of [...select.options, select.options[0]]) {
      select.value = option.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await frames(1);
    worked++;
  }
  for (const button of block.querySelectorAll<HTMLElement>('button, [role=button], summary')) {
    if (writes(button)) continue;
    button.click();
    worked++;
    for (const item of document.querySelectorAll<HTMLElement>('.menu .menu-item')) {
      if (!writes(item.querySelector<HTMLElement>('.menu-item-title') ?? item)) item.click();
    }
    document.querySelectorAll('.menu').forEach((m) => m.remove());
  }
  for (const canvas of block.querySelectorAll('canvas')) {
    const r = canvas.getBoundingClientRect();
    for (const f of [0.1, 0.5, 0.9])
      canvas.dispatchEvent(
        new MouseEvent('mousemove', { clientX: r.left + r.width * f, clientY: r.top + r.height / 2, bubbles: true }),
      );
    canvas.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    worked++;
  }
  return worked;
}

/** Renders `path` of `files`, draws and works every block in it, switches the theme; returns the writes seen. */
async function exercise(
  files: Record<string, string>,
  path: string,
): Promise<{ atLoad: unknown[]; after: unknown[]; worked: number }> {
  host = createHost({ files });
  await host.loadPlugin((await loadBuiltPlugin()) as never);
  host.setTheme('light');
  const atLoad = [...host.writes];
  const root = document.body.createDiv();
  root.style.width = '700px';
  view = await host.renderNote(path, root);
  let worked = 0;
  for (const block of root.querySelectorAll<HTMLElement>('.activation-lab-block')) {
    window.scrollTo(0, window.scrollY + block.getBoundingClientRect().top - 50);
    // Blocks inside collapsed context panels have no size and never draw; their controls are still worked.
    if (!block.closest('details:not([open])')) {
      await vi.waitFor(
        () => {
          const o = outcome(block);
          if (o.error === null && !drawn(o.canvases)) throw new Error('block not drawn yet');
        },
        { timeout: 5000, interval: 10 },
      );
    }
    worked += await workControls(block);
  }
  for (const theme of ['dark', 'light'] as const) {
    host.setTheme(theme);
    await frames(1);
  }
  await pause(30); // clipboard rejections and notices settle
  return { atLoad, after: [...host.writes], worked };
}

describe('no silent writes: working every control never writes to the vault', () => {
  it('would see a write (positive control: "Save PNG to vault" does write, on its click)', async () => {
    const { after } = await exercise({ [HOSTILE_NOTE]: fenced('activation', 'functions: ReLU') }, HOSTILE_NOTE);
    expect(after).toEqual([]);
    document.querySelector<HTMLElement>('.activation-lab-menu-button')?.click();
    const save = [...document.querySelectorAll<HTMLElement>('.menu .menu-item')].find((item) =>
      writes(item.querySelector('.menu-item-title') ?? item),
    );
    save?.click();
    await vi.waitFor(() => expect(host?.writes.map((w) => w.op)).toContain('createBinary'));
  });

  it.each(corpusFixtures)('$name', async ({ files, note }) => {
    const { atLoad, after } = await exercise({ ...files, [HOSTILE_NOTE]: note }, HOSTILE_NOTE);
    expect(atLoad).toEqual([]);
    expect(after).toEqual([]);
  });

  it('every note of the example vault (when the vault exists)', async () => {
    const notes = Object.keys(examples).filter((p) => p.endsWith('.md'));
    expect(notes.length).toBeGreaterThanOrEqual(3);
    let worked = 0;
    for (const path of notes) {
      const result = await exercise(examples, path);
      expect(result.atLoad, path).toEqual([]);
      expect(result.after, path).toEqual([]);
      worked += result.worked;
      view?.unload();
      view = null;
      host?.dispose();
      host = null;
      document.body.replaceChildren();
    }
    expect(worked).toBeGreaterThan(0);
  });
});
