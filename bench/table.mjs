// Turns the page's raw samples into the one plain-text table `npm run bench` prints: medians (p90),
// ratios to the raw-canvas floor, and PASS/FAIL against the charts', sliders' and demos' budgets.

/** @typedef {Record<string, number[]>} Samples */
/** @typedef {{ id: string, label: string }} ContenderInfo */
/** @typedef {{ name: string, value: number, limit: number, pass: boolean }} Verdict */

/** Bytes of one chart's canvas at devicePixelRatio 2 (600 × 300 CSS px, RGBA). */
const CANVAS_BYTES = 600 * 2 * 300 * 2 * 4;
const FLOOR = 'raw';

/**
 * The q-quantile by nearest rank (q = 0.5 gives the median, averaging the middle pair).
 * @param {number[] | undefined} xs
 * @param {number} q
 */
export function quantile(xs, q) {
  if (!xs || xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  if (q === 0.5) return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

/** @param {number} v */
function num(v) {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
}

/** "median (p90)" of a sample list, or "–". @param {number[] | undefined} xs */
function cell(xs) {
  if (!xs || xs.length === 0) return '–';
  return `${num(quantile(xs, 0.5))} (${num(quantile(xs, 0.9))})`;
}

/**
 * Builds the table.
 * @param {{ samples: Samples, notes: Record<string, string>, jobs?: Record<string, boolean>, contenders: ContenderInfo[], meta: string[] }} input
 * @returns {{ text: string, verdicts: Verdict[] }}
 */
export function renderTable({ samples, notes, jobs = {}, contenders, meta }) {
  const ids = contenders.map((c) => c.id);
  /** @type {Verdict[]} */
  const verdicts = [];
  /** @type {string[][]} */
  const rows = [];
  const median = (/** @type {string} */ key) => quantile(samples[key], 0.5);

  /** A section title row. @param {string} title */
  const section = (title) => rows.push([title]);
  /**
   * A row; `budget` checks the median of `ours` (or `value`) against `limit`.
   * @param {string} label @param {string[]} cells @param {{ text: string, value: number, limit: number, name: string }} [budget]
   */
  const row = (label, cells, budget) => {
    let verdict = '';
    if (budget) {
      const pass = budget.value <= budget.limit;
      verdicts.push({ name: budget.name, value: budget.value, limit: budget.limit, pass });
      verdict = Number.isFinite(budget.value) ? (pass ? 'PASS' : 'FAIL') : 'n/a';
    }
    rows.push([label, ...cells, budget?.text ?? '', verdict]);
  };
  /** Per-contender cells of `metric`. @param {string} metric */
  const perContender = (metric) => ids.map((id) => cell(samples[`${metric}:${id}`]));
  /** Ratio of each contender's median to the floor's. @param {string} metric */
  const ratios = (metric) =>
    ids.map((id) => {
      const r = median(`${metric}:${id}`) / median(`${metric}:${FLOOR}`);
      return Number.isFinite(r) ? `${r.toFixed(2)}×` : '–';
    });
  /** Cells with only `ours` filled. @param {string} text */
  const oursOnly = (text) => ids.map((id) => (id === 'ours' ? text : ''));

  section(
    'CHARTS — Sigmoid + derivative, 400 samples, 600×300 CSS px at DPR 2; ms to drawn pixels (main-thread work, vsync idle excluded)',
  );
  row('first chart on a page (warm)', perContender('first'));
  row('  × floor', ratios('first'));
  row('first chart, freshly loaded page (cold)', perContender('cold'));
  row('  × floor', ratios('cold'), {
    text: '≤ 2.00×',
    value: median('cold:ours') / median(`cold:${FLOOR}`),
    limit: 2,
    name: 'cold first chart ≤ 2× floor',
  });
  row('per chart when 50 are drawn', perContender('per50'));
  const per50 = median('per50:ours') / median(`per50:${FLOOR}`);
  row('  × floor', ratios('per50'), {
    text: '≤ 2.00×',
    value: per50,
    limit: 2,
    name: 'steady-state per chart ≤ 2× floor',
  });
  row('all 50 drawn (us: lazy off)', perContender('all50'));
  const firstScreenCells = ids.map((id) =>
    id === 'ours' ? cell(samples['firstScreen:ours']) : cell(samples[`wall50:${id}`]),
  );
  row('first screen of 50-chart note, wall (us: lazy on)', firstScreenCells, {
    text: '≤ 100 ms',
    value: median('firstScreen:ours'),
    limit: 100,
    name: 'first screen of 50-block note ≤ 100 ms',
  });
  row(
    '  charts drawn for that first screen',
    ids.map((id) => (id === 'ours' ? num(median('firstScreenCharts:ours')) : '50')),
  );
  row(
    'entry animation until final pixels, wall',
    ids.map((id) => cell(samples[`animation:${id}`])),
  );

  section('CHARTS at devicePixelRatio 1 — the same charts, 600×300 CSS px = device px; ms to drawn pixels');
  row('first chart on a page (warm)', perContender('dpr1.first'));
  row('  × floor', ratios('dpr1.first'));
  row('per chart when 50 are drawn', perContender('dpr1.per50'));
  row('  × floor', ratios('dpr1.per50'), {
    text: '≤ 2.00×',
    value: median('dpr1.per50:ours') / median(`dpr1.per50:${FLOOR}`),
    limit: 2,
    name: 'steady-state per chart at DPR 1 ≤ 2× floor',
  });

  section('SLIDER — LeakyReLU + derivative, negative_slope moved; ms per update');
  row('update + rasterise (readback)', perContender('updateRaster'), {
    text: '≤ 2 ms',
    value: median('updateRaster:ours'),
    limit: 2,
    name: 'slider update incl. rasterisation ≤ 2 ms',
  });
  row('  × floor', ratios('updateRaster'));
  row('  update alone (input handler + rAF callback)', perContender('update'));
  row('  whole frame work (+ style, layout, paint)', perContender('updateWork'));
  row('  input → painted, wall (waits for vsync)', perContender('updateLatency'));

  section('CANVAS MEMORY — 100-block note, lazy on, scrolled top to bottom by 200 px per frame (us only)');
  const peak = median('peakCanvases:ours');
  row(
    'peak live canvases',
    oursOnly(`${num(peak)} (max ${num(Math.max(...(samples['peakCanvases:ours'] ?? [NaN])))})`),
    {
      text: '≤ 12',
      value: Math.max(...(samples['peakCanvases:ours'] ?? [NaN])),
      limit: 12,
      name: 'peak live canvases ≤ 12',
    },
  );
  row('  canvas pixels at peak, MiB (outside JS heap)', oursOnly(num((peak * CANVAS_BYTES) / 2 ** 20)));
  row('  canvases alive 1.5 s after the scroll', oursOnly(num(median('canvasesLeft:ours'))));
  row('  scroll length, frames', oursOnly(num(median('scrollFrames:ours'))));
  row(
    'JS heap MiB: before → after scroll → after unload',
    oursOnly(['heapBefore', 'heapAfterScroll', 'heapAfterUnload'].map((k) => num(median(`${k}:ours`))).join(' → ')),
  );

  section('GRADIENT FLOW — ms');
  const gfBudget = (/** @type {string} */ key, /** @type {string} */ name) => ({
    text: '≤ 5 ms',
    value: median(key),
    limit: 5,
    name,
  });
  row(
    'forward+backward 50×64×16, Sigmoid',
    oursOnly(cell(samples['gfForwardBackward:sigmoid'])),
    gfBudget('gfForwardBackward:sigmoid', 'gradient flow forward+backward (Sigmoid) ≤ 5 ms'),
  );
  row(
    'forward+backward 50×64×16, ReLU',
    oursOnly(cell(samples['gfForwardBackward:relu'])),
    gfBudget('gfForwardBackward:relu', 'gradient flow forward+backward (ReLU) ≤ 5 ms'),
  );
  row('  + drawing a new network (new seed)', oursOnly(cell(samples['gfWithDraw:sigmoid'])));
  for (const [key, label] of [
    ['gf20', 'slider → redrawn, depth (Sigmoid,Tanh,ReLU 20×32)'],
    ['gf50', 'slider → redrawn, depth (Sigmoid,Tanh,ReLU 50×64)'],
  ]) {
    blockSliderRows(row, oursOnly, samples, notes, key, label, jobs[key]);
  }

  section(
    `RESPONSIVENESS — \`\`\`gradient-flow through main.js as built (its Worker), Sigmoid,Tanh,ReLU; ms${notes.largestRefused ? `; ${notes.largestRefused}` : ''}`,
  );
  const largest = notes.largestSize ?? '–';
  for (const [path, title] of [
    ['worker', 'in the Worker'],
    ['fallback', 'no Worker: 5 ms slices'],
  ]) {
    const key = `largest.${path}`;
    row(
      `largest block ${largest}, ${title}: render → final chart painted, wall`,
      oursOnly(cell(samples[`${key}:total`])),
    );
    row(
      '  longest main-thread task while it computes (trace; median of runs)',
      oursOnly(cell(samples[`${key}.computing:longestTask`])),
      {
        text: '≤ 16 ms',
        value: median(`${key}.computing:longestTask`),
        limit: 16,
        name: `largest block computing (${path}): longest main-thread task ≤ 16 ms`,
      },
    );
    row(
      '    its thread (CPU) time: the rest of its wall time the OS gave other processes',
      oursOnly(cell(samples[`${key}.computing:longestTaskCpu`])),
    );
    row(
      '  longest task from render to final chart (its build and redraw too)',
      oursOnly(cell(samples[`${key}:longestTask`])),
    );
    row(
      '  largest gap between animation frames while it computes',
      oursOnly(cell(samples[`${key}.computing:frameGap`])),
      {
        text: '≤ 50 ms',
        value: median(`${key}.computing:frameGap`),
        limit: 50,
        name: `largest block computing (${path}): largest frame gap ≤ 50 ms`,
      },
    );
    row('  largest frame gap from render to final chart', oursOnly(cell(samples[`${key}:frameGap`])));
    row('  longest `longtask` entry (0: none over 50 ms)', oursOnly(cell(samples[`${key}:longtask`])));
  }
  row('drag depth slider of 50×64 every frame: main-thread work per move', oursOnly(cell(samples['drag:perMove'])), {
    text: '≤ 4 ms',
    value: median('drag:perMove'),
    limit: 4,
    name: 'gradient-flow drag: work per move, median ≤ 4 ms',
  });
  const p90 = quantile(samples['drag:perMove'], 0.9);
  row('  p90 of it (input, rAF, worker messages: result → chart, raster)', oursOnly(num(p90)), {
    text: '≤ 4 ms',
    value: p90,
    limit: 4,
    name: 'gradient-flow drag: work per move, p90 ≤ 4 ms',
  });
  row(`  moves (one per frame): ${notes.dragFinal ?? '–'}`, oursOnly(''));
  row('  results drawn during the drag (the rest superseded)', oursOnly(notes.dragRedraws ?? '–'));
  const max = (xs) => (xs && xs.length ? ` max ${num(Math.max(...xs))}` : '');
  row(
    '  work of the moves that laid a result out (median (p90), max)',
    oursOnly(cell(samples['drag:perDraw']) + max(samples['drag:perDraw'])),
  );
  row(
    '  … and of the next moves, which draw it',
    oursOnly(cell(samples['drag:perDrawNext']) + max(samples['drag:perDrawNext'])),
  );
  row('  last move → final chart drawn, wall', oursOnly(cell(samples['drag:settle'])));
  const same = samples['drag:samePixels'];
  row(
    '  final chart = fresh block at the final depth (pixels)',
    oursOnly(same ? (same.every((v) => v === 1) ? 'equal' : 'DIFFERENT') : '–'),
    {
      text: 'equal',
      value: same ? same.filter((v) => v !== 1).length : NaN,
      limit: 0,
      name: 'gradient-flow drag: final chart equals a fresh block',
    },
  );

  section('DEAD RELU / ZERO-CENTRED — ms');
  row(
    '```dead-relu at its defaults: parse, data, 2 activations × 2 lr × 60 steps, view',
    oursOnly(cell(samples['deadRelu:demo'])),
    gfBudget('deadRelu:demo', 'dead-relu demo recompute ≤ 5 ms'),
  );
  row(
    '```zero-centered at its defaults: parse, data, Sigmoid + Tanh × 40 steps, view',
    oursOnly(cell(samples['zigzag:demo'])),
    gfBudget('zigzag:demo', 'zero-centred demo recompute ≤ 5 ms'),
  );
  blockSliderRows(row, oursOnly, samples, notes, 'deadRelu', 'slider → redrawn, ```dead-relu', jobs.deadRelu);
  blockSliderRows(
    row,
    oursOnly,
    samples,
    notes,
    'zeroCentered',
    'slider → redrawn, ```zero-centered',
    jobs.zeroCentered,
  );

  section('NONLINEARITY — ms');
  row(
    jobs.nonlinearity
      ? '```nonlinearity at its defaults: render → final maps and chart painted, wall (Worker)'
      : '```nonlinearity at its defaults, end to end: handler (3 × 150 steps, maps) + next frame (charts sized) + raster',
    oursOnly(cell(samples['nonlinearity:render'])),
    {
      text: '≤ 20 ms',
      value: median('nonlinearity:render'),
      limit: 20,
      name: 'nonlinearity block at its defaults ≤ 20 ms end to end',
    },
  );
  // Absolute ms follow the machine's load; a one-chart block measured in the same run gives the scale.
  row(
    jobs.gf20
      ? '  for scale: ```gradient-flow (depth 20), render → final chart, wall (Worker)'
      : '  for scale: ```gradient-flow, one chart (depth 20), end to end',
    oursOnly(cell(samples['gf20:render'])),
  );
  row('  × that one-chart block', oursOnly(num(median('nonlinearity:render') / median('gf20:render'))));
  // What no block can beat: the same training's round trip through the Worker and one painted frame, no DOM at all.
  row(
    '  floor: its job alone, posted to a Worker of main.js → result → next painted frame, wall',
    oursOnly(cell(samples['nonlinearity:roundTrip'])),
  );
  blockSliderRows(
    row,
    oursOnly,
    samples,
    notes,
    'nonlinearity',
    'slider (step) → redrawn, ```nonlinearity',
    jobs.nonlinearity,
  );

  section(
    'LIVE PREVIEW — a block typed character by character (each keystroke: old block unloaded, new source rendered); ms per keystroke, wall',
  );
  for (const key of Object.keys(samples).filter((k) => k.startsWith('live.'))) {
    const language = key.slice('live.'.length);
    const xs = samples[key];
    row(`\`\`\`${language}: ${xs.length} keystrokes, re-render (to the first painted frame)`, oursOnly(cell(xs)));
    row('  slowest re-render', oursOnly(num(Math.max(...xs))), {
      text: '≤ 50 ms',
      value: Math.max(...xs),
      limit: 50,
      name: `live preview ${language}: every re-render ≤ 50 ms`,
    });
    const cpu = samples[`liveCpu.${language}`];
    if (cpu?.length === xs.length)
      row(
        '  main-thread CPU in the slowest re-render, and the most in any (trace; the rest of its wall time waited)',
        oursOnly(`${num(cpu[xs.indexOf(Math.max(...xs))])}, ${num(Math.max(...cpu))}`),
      );
    const final = samples[`liveFinal.${language}`];
    if (final?.some((v, i) => v !== xs[i]))
      row('  to the final view painted (charts drawn, job done)', oursOnly(cell(final)));
  }
  for (const [key, note] of Object.entries(notes).filter(([k]) => k.startsWith('live.')))
    row(`\`\`\`${key.slice('live.'.length)}`, oursOnly(note));

  section(`EXPRESSIONS — a note's own function, ${'`'}swish(x; beta=1.5 in [0, 5]) = x * sigmoid(beta * x)${'`'}; ms`);
  row('parse + compile (closures, AD)', oursOnly(cell(samples['expr:compile'])), {
    text: '≤ 0.2 ms',
    value: median('expr:compile'),
    limit: 0.2,
    name: 'expression parse + compile ≤ 0.2 ms',
  });
  row('  + as a block reads it (names, cycles, kinks)', oursOnly(cell(samples['expr:spec'])));
  row('f and f′ at 400 samples', oursOnly(cell(samples['expr:sweep'])), {
    text: '≤ 0.1 ms',
    value: median('expr:sweep'),
    limit: 0.1,
    name: 'expression f and f′ at 400 samples ≤ 0.1 ms',
  });
  if (samples['exprSlider:updateRaster']) {
    row('slider (beta) → redrawn: update + raster', oursOnly(cell(samples['exprSlider:updateRaster'])), {
      text: '≤ 2 ms',
      value: median('exprSlider:updateRaster'),
      limit: 2,
      name: 'slider update with an expression ≤ 2 ms',
    });
    // The same update against this run's slider figures: a machine's speed drifts, these ratios much less.
    const ratio = (/** @type {string} */ key) => {
      const r = median('exprSlider:updateRaster') / median(key);
      return Number.isFinite(r) ? `${r.toFixed(2)}×` : '–';
    };
    row('  × the slider floor (raw canvas, SLIDER above)', oursOnly(ratio(`updateRaster:${FLOOR}`)));
    row("  × our LeakyReLU block's slider (SLIDER above)", oursOnly(ratio('updateRaster:ours')));
    row('  update alone', oursOnly(cell(samples['exprSlider:update'])));
  } else row('slider (beta) → redrawn', oursOnly(notes.exprSlider ?? 'n/a'));

  section('PROFILE — our time per block in a 50-block note (lazy off), mean ms per block, median over runs');
  for (const [key, label] of PROFILE_ROWS) row(label, oursOnly(cell(samples[`profile.${key}`])));
  section('PROFILE — one slider update of our LeakyReLU block, ms');
  for (const [key, label] of SLIDER_PROFILE_ROWS) row(label, oursOnly(cell(samples[`sliderProfile.${key}`])));
  section("PROFILE — the same for the expression block's slider (swish's beta, as in EXPRESSIONS), ms");
  for (const [key, label] of SLIDER_PROFILE_ROWS) row(label, oursOnly(cell(samples[`exprSliderProfile.${key}`])));

  return {
    text: format(rows, ['metric', ...contenders.map((c) => c.label), 'budget', 'result'], meta, verdicts),
    verdicts,
  };
}

/** Phases of the profile scenario, in the order the work happens. */
const PROFILE_ROWS = [
  ['block', 'handler → block drawn (BlockChild.onload, all sync work)'],
  ['parse', '  parse (kind.parse)'],
  ['initView', '  init + view (sampling, overlays, labels)'],
  ['sampling', '    of which sampleFunction alone'],
  ['overlays', '    of which computeOverlays alone'],
  ['shellDom', '  block DOM (BlockChild, BlockShell, legend, read-out)'],
  ['themeRead', '  theme read (getComputedStyle: forced style recalc)'],
  ['shellRest', '  legend swatches etc. in BlockShell.draw'],
  ['layoutRead', '  box size read (clientWidth/Height: forced layout)'],
  ['chartSetup', '  Chart.js setup (config, canvas, constructor)'],
  ['chartLayout', '  Chart.js update (scales, ticks, layout)'],
  ['chartDraw', '  Chart.js draw (lines, grid, our decorations)'],
  ['raster', 'rasterise (readback)'],
  ['frame', 'next frame: style, layout, paint (÷ 50)'],
];

/** Phases of the slider profile. */
const SLIDER_PROFILE_ROWS = [
  ['control', 'input event: kind.control (then one rAF is scheduled)'],
  ['view', 'rAF: kind.view (re-sample, overlays, labels)'],
  ['paint', 'rAF: chart repainted (ChartView.setContent: only where ink changes while the axes hold)'],
  ['chartLayout', "  of which Chart.js layout, update('none') (only when the axes changed)"],
  ['chartDraw', '  of which Chart.js full draw (0 when only the plot area was repainted)'],
  ['controlsSync', 'rAF: controls and summary synced'],
  ['raster', 'rasterise (readback)'],
];

/**
 * The rows of one demo block's slider (or its n/a note). A block computing in a job (the Worker) is timed until
 * its final chart: its main-thread work includes handling the worker's messages, its wall time the computing.
 * @param {(label: string, cells: string[]) => void} row
 * @param {(text: string) => string[]} oursOnly
 * @param {Samples} samples @param {Record<string, string>} notes @param {string} key @param {string} label
 * @param {boolean} [job]
 */
function blockSliderRows(row, oursOnly, samples, notes, key, label, job = false) {
  if (!samples[`${key}:updateRaster`]) {
    row(label, oursOnly(notes[key] ?? 'n/a'));
    return;
  }
  if (job) {
    row(`${label}: main-thread update + raster`, oursOnly(cell(samples[`${key}:updateRaster`])));
    row('  update alone (input, rAF, worker messages)', oursOnly(cell(samples[`${key}:update`])));
    row('  input → final chart painted, wall (Worker)', oursOnly(cell(samples[`${key}:latency`])));
    return;
  }
  row(`${label}: update + raster`, oursOnly(cell(samples[`${key}:updateRaster`])));
  row('  update alone', oursOnly(cell(samples[`${key}:update`])));
  row('  input → painted, wall', oursOnly(cell(samples[`${key}:latency`])));
}

/**
 * Lays the rows out in aligned columns.
 * @param {string[][]} rows @param {string[]} header @param {string[]} meta @param {Verdict[]} verdicts
 */
function format(rows, header, meta, verdicts) {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.filter((r) => r.length > 1).map((r) => (r[i] ?? '').length)),
  );
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const out = [rule, line(header), rule];
  for (const r of rows) out.push(r.length === 1 ? `\n${r[0]}` : line(r));
  out.push(rule);
  const failed = verdicts.filter((v) => !v.pass);
  out.push(
    `budgets: ${verdicts.length - failed.length} of ${verdicts.length} pass${failed.length ? ` — FAIL: ${failed.map((v) => v.name).join('; ')}` : ''}`,
  );
  out.push(...meta);
  return out.join('\n');
}
