import fs from 'node:fs';
import { launchChromium } from './scripts/chromium.mjs';
import { buildScripts } from './bench/build.mjs';
import { serve } from './bench/serve.mjs';
const server = await serve(await buildScripts());
const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
const page = await context.newPage();
await page.goto(server.url);
await page.evaluate('window.__bench.warmUp(1)');
await page.evaluate('window.__bench.slidersOf("ours", 3)');
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.evaluate(`window.__bench.${process.argv[2] ?? 'expressions'}(${process.argv[3] ?? 30})`);
const { profile } = await cdp.send('Profiler.stop');
fs.writeFileSync('/tmp/slider.cpuprofile', JSON.stringify(profile));
// self time per function
const self = new Map(); const byId = new Map(profile.nodes.map(n=>[n.id,n]));
const dt = profile.timeDeltas; let i=0;
for (const s of profile.samples) { const n = byId.get(s); const k = `${n.callFrame.functionName||'(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k,(self.get(k)||0)+(dt[i++]||0)); }
const tot=[...self.values()].reduce((a,b)=>a+b,0);
for (const [k,v] of [...self].sort((a,b)=>b[1]-a[1]).slice(0,45)) console.log((v/1000).toFixed(1).padStart(8),'ms', (100*v/tot).toFixed(1).padStart(5)+'%', k);
await browser.close(); server.close?.(); process.exit(0);
