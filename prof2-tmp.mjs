import { launchChromium } from './scripts/chromium.mjs';
import { buildScripts } from './bench/build.mjs';
import { serve } from './bench/serve.mjs';
const server = await serve(await buildScripts());
const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
const page = await context.newPage();
await page.goto(server.url);
await page.evaluate('window.__bench.warmUp(1)');
await page.evaluate('window.__bench.sliderProfile(20)');
await page.evaluate('globalThis.__t = {}');
const r = await page.evaluate('window.__bench.sliderProfile(60)');
const t = await page.evaluate('globalThis.__t');
const n = t.n; for (const k of Object.keys(t)) if (k!=='n') console.log(k, (t[k]/n).toFixed(3));
for (const [k,v] of Object.entries(r)) { const s=[...v].sort((a,b)=>a-b); console.log(k, s[s.length>>1].toFixed(3)); }
await browser.close(); process.exit(0);
