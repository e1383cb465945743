import { launchChromium } from '../scripts/chromium.mjs';
import { buildScripts } from './build.mjs';
import { serve } from './serve.mjs';
import { traced } from './trace.mjs';
const server = await serve(await buildScripts());
const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
const page = await context.newPage();
await page.goto(server.url);
const { result, events } = await traced(page, () => page.evaluate('window.__bench.largestBlock(2)'), ['toplevel', 'blink.user_timing', '__metadata', 'devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink', 'cc']);
const marks = new Map(); for (const e of events) if (e.cat === 'blink.user_timing') marks.set(e.name, e);
for (const [key, wins] of Object.entries(result.windows)) { if (!key.endsWith('computing')) continue; for (const [a, b] of wins) {
  const s = marks.get(a), t = marks.get(b);
  const tasks = events.filter(e => e.ph === 'X' && e.name === 'RunTask' && e.pid === s.pid && e.tid === s.tid && e.ts > s.ts && e.ts + e.dur < t.ts && e.dur > 6000);
  console.log(key, a, 'window', ((t.ts - s.ts)/1000).toFixed(0), 'ms');
  for (const task of tasks) {
    const inside = events.filter(e => e.ph === 'X' && e.pid === s.pid && e.tid === s.tid && e.ts >= task.ts && e.ts + (e.dur??0) <= task.ts + task.dur && e.dur > 700 && e.name !== 'RunTask');
    console.log('  task', (task.dur/1000).toFixed(1), 'at +', ((task.ts - s.ts)/1000).toFixed(0), inside.map(e => `${e.name}${e.args?.data?.functionName ? '(' + e.args.data.functionName + ')' : ''}${e.args?.data?.url ? '[' + e.args.data.url.slice(-8) + ':' + e.args.data.lineNumber + ':' + e.args.data.columnNumber + ']' : ''}=${(e.dur/1000).toFixed(1)}`).join(' '));
  }
}}
console.log(JSON.stringify(result.samples));
await browser.close(); server.close();
