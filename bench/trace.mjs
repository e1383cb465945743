// The longest main-thread task in marked windows, from a Chromium trace (CDP Tracing). The page's `longtask`
// entries only report tasks over 50 ms; the trace has every task the renderer's main thread ran.

/** Trace categories: tasks (`toplevel`: RunTask) and the page's performance.mark calls. */
const CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];

/**
 * Runs `fn` while `page` is traced.
 * @template T
 * @param {import('playwright-core').Page} page @param {() => Promise<T>} fn @param {string[]} [categories]
 * @returns {Promise<{ result: T, events: any[] }>}
 */
export async function traced(page, fn, categories = CATEGORIES) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {any[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories, excludedCategories: ['*'], recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  try {
    return { result: await fn(), events };
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
}

/**
 * The longest task (ms) the main thread ran in each window, on the thread the marks were made on: tasks that
 * overlap [start mark, end mark], or with `inside`, only tasks that began after the start mark's task and ended
 * before the end mark's (what ran strictly between, e.g. while a block computed). Each as `[wall, cpu]`: the
 * task's duration, and the thread time it got (less when the OS ran other processes meanwhile; NaN if untraced).
 * @param {any[]} events @param {[string, string][]} windows @param {boolean} [inside]
 * @returns {[number, number][]}
 */
export function longestTaskIn(events, windows, inside = false) {
  /** @type {Map<string, any>} */
  const marks = new Map();
  for (const e of events) if (e.cat === 'blink.user_timing' && !marks.has(e.name)) marks.set(e.name, e);
  const tasks = (/** @type {any} */ mark) =>
    events.filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === mark.pid &&
        e.tid === mark.tid &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    );
  return windows.map(([startName, endName]) => {
    const start = marks.get(startName);
    const end = marks.get(endName);
    if (!start || !end) return [NaN, NaN];
    /** @type {any} */
    let longest = null;
    for (const e of tasks(start)) {
      const from = e.ts;
      const to = e.ts + (e.dur ?? 0);
      const counted = inside ? from > start.ts && to < end.ts : to >= start.ts && from <= end.ts;
      if (counted && (e.dur ?? 0) > (longest?.dur ?? -1)) longest = e;
    }
    if (!longest) return [0, 0];
    return [(longest.dur ?? 0) / 1000, typeof longest.tdur === 'number' ? longest.tdur / 1000 : NaN];
  });
}
