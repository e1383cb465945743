/**
 * The ```activation block's sampling as a job: cheap blocks sample at once as they always did; a block past the
 * 2 ms rule samples as a job, across a structured clone, with exactly the inline view's values (and torch's,
 * where the functions are torch's); slider moves go latest-wins, and detaching (unload) cancels the job.
 */
import { describe, expect, it } from 'vitest';
import { activationBlock } from '../../../src/blocks/activation';
import type { AnyBlockKind, BlockView } from '../../../src/blocks/block-kind';
import { BlockSession } from '../../../src/blocks/block-session';
import { resolveActivationRef } from '../../../src/blocks/jobs/activation-ref';
import type { Job, RunJob } from '../../../src/blocks/jobs/job';
import { samplingRuns, type SampledCurve, type SamplingJob } from '../../../src/blocks/jobs/sampling-job';
import { runToEnd } from '../../../src/core/engines/steps';
import { float64Bits } from '../../helpers/bits';
import { closeTo, readReference, refNumber } from '../../helpers/reference';
import { fakeLoop, listening, runCloned } from './fixtures';
import { env, parseOk } from '../fixtures';

const kind = activationBlock as unknown as AnyBlockKind;
const TWELVE = 'Sigmoid, Tanh, ReLU, GELU, SiLU, Mish, ELU, SELU, CELU, Softplus, Hardswish, Hardtanh';
/** A definition of the note's own as long as allowed (240 calls of tanh, ~1 900 characters). */
const heavy = (name: string) => `${name}(x) = ${Array.from({ length: 240 }, () => 'tanh(x)').join('+')}`;
const HEAVY = (n: number, samples: number) =>
  `functions: ${Array.from({ length: n }, (_, i) => heavy(`h${i}`)).join(', ')}\nsamples: ${samples}`;
/** Kinks, a jump, a convention ring and both overlays' bands: every path of the sampler. */
const MIXED = `define:\n  f(x; a=0.5) = where(x > 1, x + 1, max(a * x, x * tanh(x)))\nfunctions: f, ${TWELVE.replace(', Hardtanh', '')}\nsamples: 2000`;

function open(source: string): BlockSession {
  const s = BlockSession.open(kind, source, env());
  if (!s.ok) throw new Error(JSON.stringify(s.problem));
  return s.value;
}

const jobOf = (source: string) => kind.job?.(kind.init(parseOk(activationBlock, source), env())) ?? null;

/** A runner over 8 ms slices on a fake event loop, each job cloned there and back as across a worker. */
function harness() {
  const { queue, clock, settle } = fakeLoop(() => performance.now());
  const started: Job[] = [];
  const run: RunJob = (job, onProgress) => {
    started.push(job);
    return runCloned(job, clock, 8, onProgress);
  };
  const { heard, listener } = listening();
  return { run, listener, heard, started, queue, settle };
}

/** Bits of every number drawn (NaN as one NaN: V8 may not keep its sign between interpreted and compiled code). */
function drawn(view: BlockView) {
  const bits = (v: readonly number[]) => float64Bits(v.map((y) => (Number.isNaN(y) ? NaN : y)));
  const [chart] = view.charts;
  return {
    lines: chart.lines.map((l) => ({ id: l.id, x: bits(l.x), y: bits(l.y) })),
    bands: chart.bands,
    markers: chart.markers,
    y: chart.y,
    legend: view.legend,
  };
}

describe('```activation sampling: inline or as a job', () => {
  it('samples typical blocks at once, as before: no job, no runner call, the chart in the first view', () => {
    for (const source of [
      'functions: ReLU',
      `functions: ${TWELVE}`,
      'define:\n  f(x; a=1) = x * tanh(softplus(a * x))\nfunctions: f, GELU\nsamples: 1000',
    ])
      expect(jobOf(source), source).toBeNull();
    const h = harness();
    const session = open(`functions: ${TWELVE}`);
    session.attach(h.run, h.listener);
    expect(session.view.charts[0].lines).toHaveLength(24);
    expect(h.started).toEqual([]);
    expect(h.heard.progress).toEqual([]);
  });

  it('makes a job of long sampling, with a progress bar past 200 ms: no block is refused for time any more', () => {
    expect(jobOf(`functions: ${TWELVE}\nsamples: 5000`)?.expectedMs).toBeGreaterThan(2);
    const most = jobOf(HEAVY(12, 5000)) as SamplingJob;
    expect(most.expectedMs).toBeGreaterThan(200);
    expect(most.functions).toHaveLength(12);
    expect(most.samples).toBe(5000);
  });

  it('draws, from a job across a structured clone, exactly what the inline view draws', async () => {
    const sources = [
      MIXED,
      `${MIXED}\nderivative: false\noverlays: false\nx: [-1e6, 1e6]`,
      `${HEAVY(2, 300)}\nproperties: true`,
    ];
    for (const source of sources) {
      const h = harness();
      const session = open(source);
      session.attach(h.run, h.listener);
      expect(session.view.charts[0].lines).toEqual([]); // the frame while it samples
      await h.settle();
      expect(h.started.map((j) => j.kind)).toEqual(['sampling']);
      expect(h.heard.changed).toBe(1);
      const inline = open(source).view;
      expect(drawn(session.view)).toEqual(drawn(inline));
      expect(session.view.table).toEqual(inline.table);
    }
  }, 30_000);

  it('samples torch functions as PyTorch computes them (activations.json), in slices across a clone', async () => {
    type Case = { name: string; params: Record<string, number | string>; x: number[]; f: number[]; df: number[] };
    const { cases } = readReference<{ cases: Case[] }>('activations.json');
    for (const c of cases) {
      const job: SamplingJob = {
        kind: 'sampling',
        functions: [{ torch: c.name, params: resolveActivationRef({ torch: c.name, params: c.params }).params }],
        x: [-6, 6],
        samples: 13, // the integers −6 … 6, exactly
        overlays: true,
        properties: false,
        expectedMs: 500,
      };
      const h = harness();
      const handle = h.run(job, () => undefined);
      await h.settle();
      const [{ sampled }] = (await handle.result) as SampledCurve[];
      const distinct = sampled.f.x.filter((x, i) => i === 0 || x !== sampled.f.x[i - 1]);
      let checked = 0;
      c.x.forEach((x, i) => {
        const at = distinct.indexOf(x);
        if (at < 0) return;
        // f at the point (after a jump's left limit, the point's own value is torch's f there only off jumps).
        const f = sampled.f.y[sampled.f.x.indexOf(x)];
        if (sampled.f.x.lastIndexOf(x) === sampled.f.x.indexOf(x))
          expect(closeTo(f, refNumber(c.f[i]), 1e-9, 1e-7), `${c.name} f(${x}) = ${f}`).toBe(true);
        const df = (sampled.slopes as number[])[at]; // torch's f′ at the point, kinks included
        expect(closeTo(df, refNumber(c.df[i]), 1e-9, 1e-7), `${c.name} f′(${x}) = ${df}`).toBe(true);
        checked++;
      });
      expect(checked, c.name).toBeGreaterThanOrEqual(5);
    }
  });

  it("reads a block's definitions once for all its refs, and other blocks' definitions afresh", () => {
    const ref = (sources: string[], index: number) => ({ definitions: sources, index, params: {} });
    const one = ['f(x) = 2 * x', 'g(x) = f(x) + 1'];
    const other = ['f(x) = 3 * x', 'g(x) = f(x) - 1'];
    const at = (r: ReturnType<typeof ref>) => resolveActivationRef(r).spec.bind({}).f(2);
    expect([ref(one, 0), ref(one, 1), ref(other, 1), ref(one, 1), ref(other, 0)].map(at)).toEqual([4, 5, 5, 5, 6]);
    const a = resolveActivationRef(ref(one, 0)).spec;
    expect(resolveActivationRef(ref(structuredClone(one), 0)).spec).toBe(a); // the same text: read once
    expect(() => resolveActivationRef(ref(['f(x) = x +'], 0))).toThrow(/does not resolve/);
  });

  it('holds under 2.5 MB of sampled arrays at the largest sizes (README): no block is refused for memory', () => {
    // Five arrays of float64 (x and y of f and of f′, f′ at each point), 5000 samples plus three per kink or jump.
    const bytes = (points: number, specials: number) => 5 * (points + 3 * specials) * 8;
    expect(12 * bytes(5000, 64)).toBeLessThan(2.5e6);
    const source =
      'define:\n  f(x) = where(x > 1, x + 1, abs(x) + max(x, -2) + sign(x - 3))\nfunctions: f\nsamples: 5000';
    const state = activationBlock.init(parseOk(activationBlock, source), env());
    const [a] = state.functions;
    const specials = a.spec.kinks(a.params).length + (a.spec.jumps?.(a.params).length ?? 0);
    expect(specials).toBeGreaterThanOrEqual(4);
    const [{ sampled }] = runToEnd(samplingRuns(state.functions, [-6, 6], 5000, true, false));
    const held = [sampled.f.x, sampled.f.y, sampled.df.x, sampled.df.y, sampled.slopes ?? []];
    expect(held.reduce((n, arr) => n + arr.length, 0) * 8).toBeLessThanOrEqual(bytes(5000, specials));
  });

  it('slider moves go latest wins: the last value draws, earlier ones never start', async () => {
    const source = 'functions: PReLU, h0, h1\ndefine:\n  ' + [heavy('h0'), heavy('h1')].join('\n  ') + '\nsamples: 600';
    const h = harness();
    const session = open(source);
    session.attach(h.run, h.listener);
    await h.settle();
    const finished = session.view;
    for (const weight of [0.3, 0.4, 0.5, 0.6]) session.control('0:init', weight);
    expect(session.view).toBe(finished); // the last finished chart stays meanwhile
    await h.settle();
    // The first move's job (short) ran to its end, its result dropped; the moves between never started.
    expect(h.started.map((j) => (j as SamplingJob).functions[0])).toMatchObject([
      { params: { init: 0.25 } },
      { params: { init: 0.3 } },
      { params: { init: 0.6 } },
    ]);
    expect(h.heard.changed).toBe(2);
    const fresh = open(source.replace('PReLU', 'PReLU(init=0.6)')).view;
    expect(drawn(session.view).lines).toEqual(drawn(fresh).lines);
    expect(h.heard.progress.at(-1)).toBeNull();
  });

  it('unload cancels the job in flight: nothing runs or arrives afterwards', async () => {
    const h = harness();
    const session = open(HEAVY(3, 400));
    session.attach(h.run, h.listener);
    expect(h.queue.length).toBe(1);
    session.detach();
    expect(h.queue.length).toBe(0);
    await h.settle();
    expect(h.heard.changed).toBe(0);
    expect(h.heard.progress.at(-1)).toBeNull();
  });
});
