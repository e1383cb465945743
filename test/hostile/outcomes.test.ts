/**
 * Every hostile block of the four known languages has an expected outcome, and gets it from its kind: a chart
 * (the view has charts), or an error / warnings whose sentences name every culprit the corpus lists. The
 * browser test (test/browser/hostile.test.ts) checks the same outcome as rendered through the built main.js.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK_KINDS } from '../../src/blocks';
import { PROGRESS_MS } from '../../src/blocks/jobs/job';
import { problemsOf } from '../../src/core/result';
import { formatProblem } from '../../src/i18n';
import { env } from '../blocks/fixtures';
import { HOSTILE_CORPUS, type HostileBlock } from './corpus';

/** What the kind makes of the block: the outcome and the English sentences of its problems. */
function outcomeOf(block: HostileBlock): { shown: 'error' | 'chart' | 'warning'; text: string; charts: number } {
  const kind = BLOCK_KINDS.find((k) => k.language === block.language);
  if (!kind) throw new Error(`no kind for ${block.language}`);
  const e = env();
  const r = kind.parse(block.source, e);
  if (!r.ok) return { shown: 'error', text: problemsOf(r).map((p) => formatProblem(p, 'en')).join('\n'), charts: 0 };
  const warnings = r.value.warnings ?? [];
  // Long work is a job: on screen the block first shows its placeholder frame (computing it here would take minutes).
  const state = kind.init(r.value, e);
  const job = kind.job?.(state);
  const first = job && job.expectedMs > PROGRESS_MS && kind.placeholder ? kind.placeholder(state, e) : kind.view(state, e);
  const charts = first.charts.length;
  return {
    shown: warnings.length ? 'warning' : 'chart',
    text: warnings.map((p) => formatProblem(p, 'en')).join('\n'),
    charts,
  };
}

describe('hostile blocks: expected outcomes', () => {
  it('every block of the corpus has one, and an error or warning names at least one culprit', () => {
    const missing = HOSTILE_CORPUS.filter((b) => b.expect === undefined).map((b) => b.name);
    expect(missing).toEqual([]);
    const unnamed = HOSTILE_CORPUS.filter((b) => b.expect !== 'chart' && !b.culprits?.length).map((b) => b.name);
    expect(unnamed).toEqual([]);
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(242);
  });

  it.each(HOSTILE_CORPUS)('$name', (block) => {
    const { shown, text, charts } = outcomeOf(block);
    expect(shown, text || 'drew a chart').toBe(block.expect);
    for (const culprit of block.culprits ?? []) expect(text).toContain(culprit);
    if (shown !== 'error') expect(charts).toBeGreaterThan(0);
  });
});
