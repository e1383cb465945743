/**
 * The build's Chart.js patches (scripts/chartjs-tree-shaking.mjs, scripts/chartjs-unreachable.mjs) keep what our
 * charts use: scales register as before, a chart with our own configuration and scales updates, draws its grid and
 * labels, binds no events, resizes and is destroyed without reaching a stub; an unregistered controller still
 * gets Chart.js's own error; and every stub refuses to run, naming itself, instead of failing somewhere deep inside.
 */
import esbuild from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { chartJsTreeShaking } from '../../scripts/chartjs-tree-shaking.mjs';
import { stubName, stubUnreachable, UNREACHABLE } from '../../scripts/chartjs-unreachable.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Chart.js bundled the way esbuild.config.mjs bundles it (`patched`), or as published, with a probe; the probe's findings. */
async function probe(contents: string, patched = true): Promise<Record<string, unknown>> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'chartjs-tree-shaking-')), 'probe.cjs');
  await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    outfile,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
    alias: { '@kurkle/color': join(root, 'src/chart/color-stub.ts') },
    plugins: patched ? [chartJsTreeShaking] : [],
  });
  return createRequire(import.meta.url)(outfile) as Record<string, unknown>;
}

/** The message of what `run` throws ('' if nothing). */
const THROWN = `const thrown = (run) => { try { run(); return ''; } catch (e) { return e.message; } };`;

/**
 * A canvas whose 2D context records fillRect and fillText calls and accepts every other call; Chart.js in Node
 * (no DOM) takes it through its BasicPlatform, which binds no events, so the probe hands events over itself.
 */
const FAKE_CANVAS = `function fakeCanvas(width, height) {
  const calls = { fillRect: 0, fillText: [] };
  const canvas = { width, height, style: {} };
  const ctx = new Proxy({ canvas }, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === 'measureText') return (text) => ({ width: 6 * String(text).length });
      if (key === 'fillRect') return () => { calls.fillRect++; };
      if (key === 'fillText') return (text) => { calls.fillText.push(text); };
      return () => undefined;
    },
    set(target, key, value) { target[key] = value; return true; },
  });
  canvas.getContext = () => ctx;
  return { canvas, calls };
}`;

describe('chartjs-tree-shaking', () => {
  test('scales register; DatasetController is a stub that refuses to run; unregistered controllers still throw', async () => {
    const found =
      await probe(`import { Chart, DatasetController, LinearScale, LogarithmicScale, registry } from 'chart.js';
        ${THROWN}
        Chart.register(LinearScale, LogarithmicScale);
        module.exports = {
          linear: registry.getScale('linear') === LinearScale,
          log: registry.getScale('logarithmic') === LogarithmicScale,
          refused: thrown(() => new DatasetController()),
          line: thrown(() => registry.getController('line')),
        };`);
    expect(found.linear).toBe(true);
    expect(found.log).toBe(true);
    expect(found.refused).toMatch(/without DatasetController/);
    expect(found.line).toBe('"line" is not a registered controller.');
  });

  test('a chart with our configuration and scales updates, draws, binds no events, resizes and is destroyed', async () => {
    const found = await probe(`import { ensureChartRegistered } from './src/chart/register';
        import { buildChartConfig } from './src/chart/chart-config';
        ${FAKE_CANVAS}
        const Chart = ensureChartRegistered();
        const theme = { text: '#222', muted: '#555', grid: '#e0e0e0', axis: '#aaa', background: '#fff', font: 'sans-serif', series: ['#08d'] };
        const model = {
          x: { type: 'linear', min: -2, max: 2, step: 1, title: 'x' },
          y: { type: 'logarithmic', min: 1e-3, max: 10 },
          lines: [], bands: [], markers: [], zeroAxes: true, description: '',
        };
        const { canvas, calls } = fakeCanvas(400, 300);
        const config = buildChartConfig(model, theme, 1);
        const chart = new Chart(canvas, config);
        const drawn = { fillRect: calls.fillRect, labels: [...calls.fillText] };
        chart.update('none');
        // No event types: Chart.js binds nothing to the canvas (the crosshair follows the pointer itself).
        const listeners = Object.keys(chart._listeners);
        chart.resize(500, 300);
        chart.render();
        chart.destroy();
        module.exports = { drawn, listeners, width: chart.width, destroyed: chart.canvas === null };`);
    const drawn = found.drawn as { fillRect: number; labels: string[] };
    // x: −2 … 2 in steps of 1 → 5 grid lines; y: decades 10⁻³ … 10 → 5 labelled lines of the log scale's ticks.
    expect(drawn.fillRect).toBeGreaterThanOrEqual(10);
    expect(drawn.labels).toEqual(
      expect.arrayContaining(['−2', '−1', '0', '1', '2', '10⁻³', '10⁻²', '10⁻¹', '1', '10']),
    );
    expect(found.listeners).toEqual([]);
    expect(found.width).toBe(500);
    expect(found.destroyed).toBe(true);
  });

  test('a chart given a dataset still gets Chart.js\u2019s own error for the unregistered controller', async () => {
    const found = await probe(`import { ensureChartRegistered } from './src/chart/register';
        ${FAKE_CANVAS}
        ${THROWN}
        const Chart = ensureChartRegistered();
        const options = { animation: false, responsive: false, scales: { x: { type: 'activationLabLinear' }, y: { type: 'activationLabLinear' } } };
        module.exports = thrown(() => new Chart(fakeCanvas(400, 300).canvas, { type: 'line', data: { datasets: [{ data: [1, 2] }] }, options }));`);
    expect(found).toBe('"line" is not a registered controller.');
  });

  test('our charts call their plugins at the hooks, in the order and with the arguments Chart.js\u2019s plugin service does', async () => {
    // The same life (create, update, resize, render, destroy) of a chart with a plugin that logs every hook it is asked
    // for, once in Chart.js as published (its own plugin service) and once in our build (ActivationLabChart), and again
    // with a plugin that cancels every render.
    const life = (scale: string) => `${FAKE_CANVAS}
        const lifeOf = (cancel) => {
          const log = [];
          // Every hook name Chart.js asks the plugin for is answered with a logger (other keys, e.g. defaults: none).
          const plugin = new Proxy({ id: 'logger' }, {
            get(target, key) {
              if (typeof key !== 'string' || !/^((before|after)[A-Z]|(install|start|stop|uninstall|resize|reset)$)/.test(key))
                return target[key];
              return (chart, args) => {
                // Arguments by name; an object (a scale, for the scale hooks) by its id.
                const shown = Object.entries(args).map(([k, v]) => k + '=' + (v && typeof v === 'object' ? v.id : String(v)));
                log.push([key, chart === current, shown.join(' ')]);
                return cancel && key === 'beforeRender' ? false : undefined;
              };
            },
          });
          const scale = { type: '${scale}', min: 0, max: 1, ticks: { autoSkip: false, includeBounds: false, stepSize: 0.5 } };
          const { canvas } = fakeCanvas(400, 300);
          let current = null;
          const first = { id: 'first', beforeInit(chart) { current = chart; } };
          const chart = new Chart(canvas, { type: 'line', data: { datasets: [] }, plugins: [first, plugin],
            options: { animation: false, responsive: false, events: [], scales: { x: { ...scale }, y: { ...scale } } } });
          chart.update('none');
          chart.resize(500, 300);
          chart.render();
          chart.destroy();
          return log;
        };
        module.exports = { drawn: lifeOf(false), cancelled: lifeOf(true) };`;
    const theirs = await probe(
      `import { Chart, LinearScale } from 'chart.js';
        Chart.register(LinearScale);
        ${life('linear')}`,
      false,
    );
    const ours = await probe(`import { ensureChartRegistered } from './src/chart/register';
        const Chart = ensureChartRegistered();
        ${life('activationLabLinear')}`);
    // Chart.js also calls the lifecycle hooks of its service (install, start, stop, uninstall), which no plugin of ours
    // has: every other hook comes, in the same order, with the same arguments.
    // Each entry: hook, called with the chart, arguments.
    const service = new Set(['install', 'start', 'stop', 'uninstall']);
    for (const key of ['drawn', 'cancelled']) {
      const expected = (theirs[key] as [string, boolean, string][]).filter(([hook]) => !service.has(hook));
      expect(ours[key]).toEqual(expected);
    }
    const hooks = (theirs.drawn as string[][]).map(([hook]) => hook);
    for (const hook of ['beforeInit', 'beforeDataLimits', 'afterDatasetsDraw', 'resize', 'afterDestroy'])
      expect(hooks).toContain(hook);
    expect((theirs.cancelled as string[][]).map(([hook]) => hook)).not.toContain('afterDatasetsDraw');
  });

  test('every stub refuses to run and names its entry in UNREACHABLE', async () => {
    const found = await probe(`import { Chart, Interaction, Scale, Ticks, animator, defaults } from 'chart.js';
        ${THROWN}
        module.exports = {
          setActiveElements: thrown(() => Chart.prototype.setActiveElements.call(null, [])),
          bindResponsiveEvents: thrown(() => Chart.prototype.bindResponsiveEvents.call(null)),
          _eventHandler: thrown(() => Chart.prototype._eventHandler.call(null, {})),
          index: thrown(() => Interaction.modes.index()),
          add: thrown(() => animator.add(null, [])),
          drawGrid: thrown(() => Scale.prototype.drawGrid.call(null)),
          logarithmic: thrown(() => Ticks.formatters.logarithmic(1, 0, [])),
          nearest: Interaction.modes.nearest(),
          animationDefaults: [defaults.animation, defaults.animations, defaults.transitions],
        };`);
    for (const name of [
      'setActiveElements',
      'bindResponsiveEvents',
      '_eventHandler',
      'index',
      'add',
      'drawGrid',
      'logarithmic',
    ])
      expect(found[name]).toMatch(
        new RegExp(
          `^Activation Lab bundles Chart.js without UNREACHABLE\\[${UNREACHABLE.findIndex((e) => e.method === name)}\\] `,
        ),
      );
    // Hover's own mode finds what it always found with no dataset: nothing; no animation defaults are set.
    expect(found.nearest).toEqual([]);
    expect(found.animationDefaults).toEqual([undefined, undefined, undefined]);
    // Every entry is stubbed exactly once in the real chart.js or its helpers chunk.
    const dist = (file: string) => readFileSync(join(root, 'node_modules/chart.js/dist', file), 'utf8');
    const text =
      stubUnreachable(dist('chart.js'), 'chart.js') + stubUnreachable(dist('chunks/index.js'), 'index.js', true);
    for (const entry of UNREACHABLE.filter((e) => e.returns === undefined)) {
      const call = `activationLabUnreachable(${UNREACHABLE.indexOf(entry)});`;
      expect(text.split(call).length - 1, stubName(entry)).toBe(1);
    }
  });

  test('a Chart.js whose code changed shape fails the build instead of shipping a wrong stub', () => {
    const text = readFileSync(join(root, 'node_modules/chart.js/dist/chart.js'), 'utf8');
    expect(() => stubUnreachable(text.replace('function autoSkip(', 'function autoSkip2('), 'chart.js')).toThrow(
      /expected one autoSkip, found 0 in chart\.js; update scripts\/chartjs-unreachable\.mjs/,
    );
    const header = text.indexOf('function releaseObserver(');
    const flattened = text.slice(0, header) + text.slice(header).replace('\n    if (observer)', '\nif (observer)');
    expect(() => stubUnreachable(flattened, 'chart.js')).toThrow(
      /the body of releaseObserver does not end at a '\}' line/,
    );
  });
});
