// Chart.js code that can never run in our charts, replaced at build time by a call that throws, so esbuild can drop
// it and whatever only it uses. Every chart is built by src/chart/chart-config.ts with the same fixed options
// (`animation: false`, `responsive: false`, `autoSkip: false`, no datasets) on our two scales (src/chart/scales.ts),
// and no other code reaches Chart.js. Each entry names the function or method and why it cannot run; if Chart.js
// changes the shape of any of them the build fails here, and should one ever be reached, it throws naming itself.

/**
 * What to stub: `fn` a top-level function; `method` of `class` (a class) or of `object` (a `var` or `const` object
 * literal, possibly nested); in chart.js, or in Chart.js's helpers (dist/chunks/index.js) when `helpers` is set.
 * `returns`, when given, is what the body becomes instead of the throwing call: for code that does run, but whose
 * result is already known.
 * @typedef {{ fn?: string, class?: string, object?: string, method?: string, helpers?: boolean, returns?: string }} Unreachable
 */

/**
 * One entry per method name, all of `owner`.
 * @param {{ class?: string, object?: string }} owner
 * @param {string[]} names
 * @returns {Unreachable[]}
 */
const methods = (owner, names) => names.map((method) => ({ ...owner, method }));

/**
 * The why-comment above each group says what keeps it from running.
 * @type {Unreachable[]}
 */
export const UNREACHABLE = [
  // No dataset can exist: we register no controller, so Chart.js refuses any dataset ('"line" is not a registered
  // controller') before it could update, draw, show, hide or hover one. What handles datasets, their elements'
  // values and hover colours, and the data changes they report, can never run.
  ...methods({ class: 'Chart' }, ['_updateDataset', '_drawDataset', 'setDatasetVisibility', 'toggleDataVisibility']),
  ...methods({ class: 'Chart' }, ['getDataVisibility', '_updateVisibility', 'updateHoverStyle', 'setActiveElements']),
  ...methods({ class: 'Chart' }, ['getVisibleDatasetCount']),
  // Hovered elements are always none (below), so there is never a hover style to set or clear.
  { class: 'Chart', method: '_updateHoverStyles', returns: 'undefined' },
  ...methods({ class: 'Config' }, ['datasetScopeKeys', 'datasetAnimationScopeKeys', 'datasetElementScopeKeys']),
  ...methods({ class: 'Config' }, ['resolveNamedOptions']),
  { fn: 'getAxisFromDataset' },
  { fn: 'moveNumericKeys' },
  ...methods({ class: 'Element' }, ['tooltipPosition', 'hasValue', 'getProps']),
  { fn: 'getHoverColor', helpers: true },
  // Values of data points, for their labels and bars: only controllers and tooltips ask a scale for those.
  ...methods({ class: 'Scale' }, ['getLabelForValue', 'getBasePixel', 'getBaseValue']),
  ...methods({ class: 'LinearScaleBase' }, ['getLabelForValue']),
  ...methods({ class: 'LogarithmicScale' }, ['getLabelForValue']),
  // Finding the elements under the pointer: with no dataset there are none. Hover asks the default 'nearest' mode,
  // which therefore always finds nothing: it returns that at once. The other modes are never asked.
  { object: 'Interaction', method: 'nearest', returns: '[]' },
  ...methods({ object: 'Interaction' }, ['index', 'dataset', 'point', 'x', 'y']),
  { fn: 'binarySearch' },
  { fn: 'getNearestRadialItems' },
  // `events: []`: Chart.js binds no listener to the canvas (the crosshair follows mouse and touch itself,
  // src/chart/pointer.ts), so no event ever reaches a chart: nothing maps one onto the canvas, throttles it, handles
  // it or looks for what lies under it. Binding the empty list runs, and binds nothing.
  { class: 'Chart', method: 'bindUserEvents', returns: 'undefined' },
  ...methods({ class: 'Chart' }, ['_eventHandler', '_handleEvent', '_getActiveElements', 'getElementsAtEventForMode']),
  ...methods({ class: 'Chart' }, ['isPointInArea']),
  ...methods({ class: 'DomPlatform' }, ['addEventListener', 'removeEventListener']),
  { fn: 'determineLastEvent' },
  { fn: 'fromNativeEvent' },
  { fn: 'createProxyAndListen' },
  { fn: 'addListener' },
  { fn: 'removeListener' },
  { fn: 'getRelativePosition', helpers: true },
  { fn: 'throttled', helpers: true },
  { fn: '_isClickEvent', helpers: true },
  // `responsive: false`: Chart.js binds no resize, attach or detach observers (chart-view.ts sizes the chart).
  ...methods({ class: 'Chart' }, ['bindResponsiveEvents']),
  { fn: 'createAttachObserver' },
  { fn: 'createDetachObserver' },
  { fn: 'createResizeObserver' },
  { fn: 'releaseObserver' },
  // `animation: false`: nothing is ever added to the animator (only Chart.js's Animations class adds, and without
  // DatasetController nothing builds one), so it never starts a frame loop.
  ...methods({ class: 'Animator' }, ['add', 'start', '_refresh', '_update', '_notify']),
  { fn: 'onAnimationProgress' },
  // Nor is any animation default read: only Animations would, and `animation.onComplete` is read off our `false`.
  // The function setting them runs once at load, so it stays, doing nothing.
  { fn: 'applyAnimationsDefaults', helpers: true, returns: 'undefined' },
  // `autoSkip: false` on every axis (and `ticks.source`, the other way in, belongs to time scales only).
  { fn: 'autoSkip' },
  // `includeBounds: false` on every axis: no tick is added at a range's end, so none is measured against its neighbour.
  { fn: 'relativeLabelSize' },
  // Our charts are ActivationLabChart (src/chart/register.ts), which calls its plugins' hooks itself: Chart.js's plugin
  // service never notifies, so it builds no descriptors and resolves no plugin options.
  { class: 'Chart', method: 'notifyPlugins' },
  ...methods({ class: 'PluginService' }, ['notify', '_notify', '_descriptors', '_createDescriptors']),
  ...methods({ class: 'PluginService' }, ['_notifyStateChanges']),
  // Methods nobody calls: our code exports the canvas itself, looks up no plugin and resets no chart, and only
  // category and radial scales (not bundled) read a chart's labels.
  ...methods({ class: 'Chart' }, ['toBase64Image', 'isPluginEnabled', 'reset', '_resetElements']),
  ...methods({ class: 'Scale' }, ['getLabels']),
  // Our scales draw their grid and tick labels themselves (scales.ts) and never call Chart.js's versions.
  // What only those, or autoSkip, asked of a scale goes with them.
  ...methods({ class: 'Scale' }, ['drawGrid', 'drawLabels', '_computeGridLineItems', '_computeLabelArea']),
  ...methods({ class: 'Scale' }, ['_tickSize', 'getLineWidthForValue']),
  // Our scales lay their layers out (grid and title, labels: no border or background to draw) and never rotate labels.
  ...methods({ class: 'Scale' }, ['_layers', 'drawBorder', 'drawBackground', 'calculateLabelRotation']),
  ...methods({ class: 'Scale' }, ['getLabelItems', '_computeLabelItems', '_getXAxisLabelAlignment']),
  ...methods({ class: 'Scale' }, ['_getYAxisLabelAlignment']),
  // Our log scale ticks the decades itself (scales.ts): Chart.js's log ticks are never generated.
  ...methods({ class: 'LogarithmicScale' }, ['buildTicks']),
  // Our scales measure their tick labels themselves (scales.ts, with widths shared between charts).
  ...methods({ class: 'Scale' }, ['_computeLabelSizes']),
  { fn: 'garbageCollect' },
  { fn: '_measureText', helpers: true },
  // The one text Chart.js still renders, an axis title, has no backdrop, strikethrough or underline.
  { fn: 'drawBackdrop', helpers: true },
  { fn: 'decorateText', helpers: true, returns: 'undefined' },
  // Every log axis labels its ticks with chart-config.ts's logTickLabel, never the default log formatter.
  { object: 'formatters', method: 'logarithmic', helpers: true },
  // We register only scales, once (register.ts), and scales have no default routes: only elements and plugins
  // declare them. Nothing is ever removed, and no element looked up (only a controller would).
  { fn: 'routeDefaults' },
  ...methods({ class: 'Registry' }, ['remove', 'addControllers', 'addElements', 'addPlugins', 'addScales']),
  ...methods({ class: 'Registry' }, ['getElement', 'removeControllers', 'removeElements', 'removePlugins']),
  ...methods({ class: 'Registry' }, ['removeScales']),
  ...methods({ class: 'TypedRegistry' }, ['unregister']),
];

/**
 * The thrown error's text, for a stub that is reached after all. A stub names itself by its place in UNREACHABLE
 * (`stubName(UNREACHABLE[i])` says what it is): its 78 names would be 1.7 kB of main.js.
 */
const STUB = `function activationLabUnreachable(i) {
 throw new Error('Activation Lab bundles Chart.js without UNREACHABLE[' + i + '] (scripts/chartjs-unreachable.mjs)');
}
`;

/** A parameter list (defaults may call a function or span lines) and the `{` opening the body. */
const PARAMETERS = String.raw`\((?:[^()]|\([^()]*\))*\) ?\{`;

const indentOf = (line) => line.length - line.trimStart().length;

/**
 * How a stub names itself: `autoSkip`, `Chart.bindResponsiveEvents`.
 * @param {Unreachable} entry
 */
export function stubName(entry) {
  return entry.fn ?? `${entry.class ?? entry.object}.${entry.method}`;
}

/** The [start, end) of the only match of `pattern` in `text` from `from` to `to`, or an error. */
function only(text, pattern, from, to, what) {
  const hits = [...text.slice(from, to).matchAll(pattern)];
  if (hits.length !== 1) throw new Error(`expected one ${what}, found ${hits.length}`);
  return from + hits[0].index;
}

/** Where the declaration of `entry`'s container starts and ends (the whole file for a top-level function). */
function container(text, entry) {
  if (entry.fn) return [0, text.length];
  const start = entry.class
    ? only(text, new RegExp(`^ ?class ${entry.class}\\b`, 'gm'), 0, text.length, `class ${entry.class}`)
    : only(text, new RegExp(`^ ?(var|const) ${entry.object} = \\{$`, 'gm'), 0, text.length, `object ${entry.object}`);
  const end = text.indexOf(entry.class ? '\n}\n' : '\n};\n', start);
  if (end < 0) throw new Error(`no end of ${entry.class ?? entry.object}`);
  return [start, end];
}

/**
 * `text` with the body of `entry` replaced by a call to the stub. The body is found by indentation, as Chart.js's
 * dist is laid out: the header line ends in `{`, the body's lines are indented deeper than its closing `}` line.
 */
function stubOne(text, entry) {
  const name = stubName(entry);
  const [from, to] = container(text, entry);
  const header = entry.fn
    ? new RegExp(`^(?: \\*/)? ?function ${entry.fn}${PARAMETERS}$`, 'gm')
    : new RegExp(`^ +${entry.method} ?${PARAMETERS}$`, 'gm');
  const at = only(text, header, from, to, name);
  const bodyStart = text.indexOf('{\n', at) + 2;
  const lines = text.slice(bodyStart, to).split('\n');
  const depth = indentOf(lines[0]);
  const close = lines.findIndex((line) => line.trim() !== '' && indentOf(line) < depth);
  if (depth === 0 || close < 1 || !/^ *\}[,;]?$/.test(lines[close]))
    throw new Error(`the body of ${name} does not end at a '}' line`);
  const bodyEnd = bodyStart + lines.slice(0, close).join('\n').length;
  const body =
    entry.returns === undefined
      ? `activationLabUnreachable(${UNREACHABLE.indexOf(entry)});`
      : `return ${entry.returns};`;
  return `${text.slice(0, bodyStart)}${' '.repeat(depth)}${body}${text.slice(bodyEnd)}`;
}

/**
 * The text of chart.js (or, `helpers` true, of its helpers chunk) with every UNREACHABLE body of that file replaced
 * by a call that throws; fails if one is not found as expected.
 * @param {string} text
 * @param {string} path
 * @param {boolean} [helpers]
 */
export function stubUnreachable(text, path, helpers = false) {
  let out = text;
  for (const entry of UNREACHABLE.filter((e) => Boolean(e.helpers) === helpers)) {
    try {
      out = stubOne(out, entry);
    } catch (error) {
      throw new Error(
        `chartjs-unreachable: ${error.message} in ${path}; update scripts/chartjs-unreachable.mjs for this Chart.js`,
      );
    }
  }
  return `${out}\n${STUB}`;
}
