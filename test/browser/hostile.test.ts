/**
 * Hostile notes: every corpus block, rendered through the BUILT main.js in a note followed by a
 * normal block, shows an inline error or a drawn chart within 2 s, throws nothing, runs no payload (also
 * after every link and button in it is clicked), leaves Object.prototype alone, and the next block draws.
 * Blocks of every registered kind are covered, including kinds the corpus does not know by name.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BLOCK_KINDS } from '../../src/blocks';
import { genericHostileBlocks, HOSTILE_CORPUS, HOSTILE_NOTE, type HostileBlock } from '../hostile/corpus';
import { fenced, PWNED_FLAG } from '../hostile/payloads';
import { KNOWN_LANGUAGES } from '../hostile/vocabulary';
import { createHost, type Host } from '../fakes/host';
import type { Component } from '../fakes/obsidian';
import { loadBuiltPlugin } from './support/built-plugin';
import {
  codeCarriers,
  drawn,
  outcome,
  pause,
  prototypeKeys,
  pwned,
  resetPwned,
  topLevelBlocks,
  UncaughtErrors,
} from './support/hostile-checks';
import { frames } from './support/instrument';
import { teardown } from './support/plugin-host';

/** The limit for one block, from the handler call to its error or drawn chart. */
const LIMIT_MS = 2000;
const NEXT_BLOCK = 'functions: Sigmoid';

const registered = BLOCK_KINDS.map((k) => k.language);
const known: readonly string[] = KNOWN_LANGUAGES;
const corpus: HostileBlock[] = [
  ...HOSTILE_CORPUS.filter((b) => registered.includes(b.language)),
  ...registered.filter((l) => !known.includes(l)).flatMap(genericHostileBlocks),
];

const timings: { name: string; ms: number; shown: 'error' | 'chart' | 'warning' }[] = [];
const uncaught = new UncaughtErrors();
let host: Host | null = null;
let view: Component | null = null;

beforeAll(() => uncaught.start());
afterAll(() => {
  uncaught.stop();
  const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a), { name: '-', ms: 0, shown: 'error' as const });
  const charts = timings.filter((t) => t.shown !== 'error').length;
  console.warn(
    `hostile corpus: ${timings.length} blocks (${charts} charts, ${timings.length - charts} errors); ` +
      `slowest ${slowest.ms.toFixed(0)} ms (${slowest.name}); limit ${LIMIT_MS} ms`,
  );
});

afterEach(() => {
  teardown(view, host);
  view = null;
  host = null;
  window.scrollTo(0, 0);
  document.querySelectorAll('.menu, .notice-container').forEach((el) => el.remove());
  resetPwned();
  vi.restoreAllMocks();
});

/** Renders the hostile block and the next one in one note; returns both block elements and the time to the outcome. */
async function renderHostile(block: HostileBlock) {
  const note = `# Top\n\n${fenced(block.language, block.source)}\n${fenced('activation', NEXT_BLOCK)}`;
  host = createHost({ files: { ...block.files, [HOSTILE_NOTE]: note } });
  await host.loadPlugin((await loadBuiltPlugin()) as never);
  host.setTheme('light');
  const root = document.body.createDiv();
  root.style.width = '700px';
  const start = performance.now();
  view = await host.renderNote(HOSTILE_NOTE, root);
  const [hostile, next] = topLevelBlocks(root);
  const shown = await vi.waitFor(
    () => {
      const o = outcome(hostile);
      if (o.error !== null) return 'error' as const;
      // A chart drawn despite a bad optional key says so in a warning line above it.
      if (drawn(o.canvases))
        return hostile.querySelector('.activation-lab-warning') ? ('warning' as const) : ('chart' as const);
      throw new Error('neither an error nor a drawn chart yet');
    },
    { timeout: 10_000, interval: 5 },
  );
  return { root, hostile, next, shown, ms: performance.now() - start };
}

/**
 * Clicks every link, button and summary in `el`. Navigation to real URLs is cancelled: it would unload the test
 * page, or open a tab (target=_blank) that leaves this one in the background with its frames throttled to 1 Hz.
 * javascript: URLs are let through, so they would run. Internal links are Obsidian's to follow, not ours: the
 * fake opens (or creates) the note, which is no part of the plugin, so those clicks stop before its handler.
 */
async function clickEverything(el: HTMLElement): Promise<number> {
  const keepPage = (e: MouseEvent) => {
    const a = e.target instanceof Element ? e.target.closest('a') : null;
    if (!a || /^\s*javascript:/i.test(a.getAttribute('href') ?? '')) return;
    e.preventDefault();
    if (a.matches('.internal-link')) e.stopPropagation();
  };
  window.addEventListener('click', keepPage, true);
  const targets = [...el.querySelectorAll<HTMLElement>('a, button, summary, [role=button], [role=link]')];
  for (const target of targets) target.click();
  document.querySelectorAll<HTMLElement>('.menu .menu-item').forEach((item) => item.click());
  await frames(2);
  await pause(30);
  window.removeEventListener('click', keepPage, true);
  return targets.length;
}

describe(`hostile corpus through the built main.js (${corpus.length} blocks, kinds: ${registered.join(', ')})`, () => {
  it('covers every registered kind', () => {
    for (const language of registered)
      expect(corpus.filter((b) => b.language === language).length, language).toBeGreaterThanOrEqual(20);
  });

  it('would notice a payload that ran (positive control of the checks)', async () => {
    const img = document.body.createEl('img');
    img.setAttribute('onerror', `window.${PWNED_FLAG}=true`);
    img.src = 'x:/nope';
    await vi.waitFor(() => expect(pwned()).toBe(true));
    expect(codeCarriers(document.body)).toEqual(['<img onerror>']);
  });

  it.each(corpus)('$name', async (block) => {
    const protoBefore = prototypeKeys();
    const consoleErrors = vi.spyOn(console, 'error');
    const seenBefore = uncaught.seen.length;

    const { hostile, next, shown, ms } = await renderHostile(block);
    timings.push({ name: block.name, ms, shown });
    expect(ms, `${block.name} took ${ms.toFixed(0)} ms`).toBeLessThan(LIMIT_MS);
    // Every block of the known languages has an expected outcome (test/hostile/outcomes.test.ts checks that).
    const said = outcome(hostile).error ?? hostile.querySelector('.activation-lab-warning')?.textContent ?? '';
    if (block.expect) expect(shown, said || 'drew a chart').toBe(block.expect);
    for (const culprit of block.culprits ?? []) expect(said, block.name).toContain(culprit);
    expect(codeCarriers(hostile)).toEqual([]);

    // The next block in the same note still renders normally. (Scroll this frame only: scrollIntoView would also
    // scroll Vitest's page.)
    window.scrollTo(0, window.scrollY + next.getBoundingClientRect().top - 100);
    await vi.waitFor(
      () => {
        if (!drawn(outcome(next).canvases)) throw new Error('next block not drawn');
      },
      { timeout: 5000, interval: 10 },
    );
    expect(outcome(next).error).toBeNull();

    await clickEverything(hostile);
    expect(pwned(), 'a payload ran').toBe(false);
    expect(prototypeKeys()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(uncaught.seen.slice(seenBefore)).toEqual([]);
    expect(consoleErrors).not.toHaveBeenCalled();
  });
});
