// The longest main-thread task in marked windows, from a Chromium trace (CDP Tracing). The page's `longtask`
// entries only report tasks over 50 ms; the trace has every task the renderer's main thread ran.

/** Trace categories: tasks (`toplevel`: RunTask) and the page's performance.mark calls. */
const CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata'];

/**
 * Runs `fn` while `page` is traced.
 * @template T
 * @param {import('playwright-core').Page} page @param {() => Promise<T>} fn
 * @returns {Promise<{ result: T, events: any[] }>}
 */
export async function traced(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {any[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'], recordMode: 'recordAsMuchAsPossible' },
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
 * The longest task (ms) the main thread ran in each window: tasks overlapping [start mark, end mark], on the
 * thread the marks were made on.
 * @param {any[]} events @param {[string, string][]} windows
 * @returns {number[]}
 */
export function longestTaskIn(events, windows) {
  /** @type {Map<string, any>} */
  const marks = new Map();
  for (const e of events) if (e.cat === 'blink.user_timing' && !marks.has(e.name)) marks.set(e.name, e);
  return windows.map(([startName, endName]) => {
    const start = marks.get(startName);
    const end = marks.get(endName);
    if (!start || !end) return NaN;
    let longest = 0;
    for (const e of events) {
      if (e.ph !== 'X' || e.pid !== start.pid || e.tid !== start.tid) continue;
      if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
      if (e.ts + (e.dur ?? 0) < start.ts || e.ts > end.ts) continue;
      longest = Math.max(longest, (e.dur ?? 0) / 1000);
    }
    return longest;
  });
}
