/**
 * The page `npm run demo` serves: the project's Obsidian host (test/fakes, bundled with `obsidian` aliased
 * to it) running the BUILT main.js, which it loads the way Obsidian's plugin loader does. It renders `?note=`
 * (by default the seed note) in Reading view, live (sliders, hover, links); an unknown note lists the vault's
 * notes; `?command=` then runs one of the plugin's commands on it (its modal opens over the note). `window.demoStatus()` tells scripts/demo.mjs whether every chart is drawn.
 */
import * as obsidian from 'obsidian';
import { createHost } from '../test/fakes/host';
import { evaluatePluginBundle } from '../test/fakes/plugin-bundle';
import { linkAndLoadWebfonts } from '../test/fakes/webfonts';

type PluginClass = new (app: never, manifest: never) => object;

/** The example vault's note that the plugin's charts and demos are written into. */
const SEED_NOTE = '激活函数.md';

/** What demo.mjs reads: how many chart boxes the note has, how many hold drawn pixels, and any errors. */
interface DemoStatus {
  ready: boolean;
  boxes: number;
  drawn: number;
  errors: string[];
  /** Fence languages left as plain code (kinds not registered by this build). */
  plainBlocks: string[];
}

declare global {
  interface Window {
    demoStatus?: () => DemoStatus;
  }
}

const query = new URLSearchParams(location.search);
const pageErrors: string[] = [];
window.addEventListener('error', (e) => pageErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => pageErrors.push(String(e.reason)));

/** Evaluates main.js as CommonJS with `require('obsidian')` answered by the host, and adds styles.css. */
async function loadBuiltPlugin(): Promise<PluginClass> {
  const [code, css] = await Promise.all([
    fetch('/plugin/main.js').then((r) => r.text()),
    fetch('/plugin/styles.css').then((r) => r.text()),
  ]);
  const bundle = evaluatePluginBundle(code, obsidian) as PluginClass;
  document.head.createEl('style', { text: css, attr: { 'data-plugin': 'activation-lab' } });
  return bundle;
}

/**
 * Loads MathJax 3 (tex-svg, from npm) as the host's math engine: the fake's `renderMath` typesets with it, as
 * Obsidian typesets `$…$` and `$$…$$` with MathJax 3. Page only; nothing of it is in main.js.
 */
async function mathJax(): Promise<void> {
  (window as { MathJax?: object }).MathJax = {
    startup: { typeset: false },
    svg: { fontCache: 'local', mtextInheritFont: true, merrorInheritFont: true },
  };
  await new Promise<void>((ok, fail) => {
    const script = document.head.createEl('script', { attr: { src: '/npm/mathjax/es5/tex-svg.js' } });
    script.onload = () => ok();
    script.onerror = () => fail(new Error('could not load MathJax from /npm/mathjax'));
  });
  const loaded = (
    window as unknown as { MathJax: { startup: { promise: Promise<void> }; svgStylesheet(): HTMLElement } }
  ).MathJax;
  await loaded.startup.promise;
  document.head.appendChild(loaded.svgStylesheet()); // what Obsidian's finishRenderMath() does for its output
}

/** A canvas with at least some ink: Chart.js really drew into it. */
function inked(canvas: HTMLCanvasElement): boolean {
  const ctx = canvas.getContext('2d');
  if (!ctx || canvas.width === 0 || canvas.height === 0) return false;
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 3; i < data.length && ink < 500; i += 4) if (data[i] !== 0) ink++;
  return ink >= 500;
}

function status(ready: boolean): DemoStatus {
  const boxes = [...document.querySelectorAll<HTMLElement>('.activation-lab-chart-box')];
  return {
    ready,
    boxes: boxes.length,
    // A block still computing shows its last finished chart (or an empty frame): not drawn yet.
    drawn: boxes.filter((b) => !b.closest('.activation-lab-computing') && [...b.querySelectorAll('canvas')].some(inked))
      .length,
    errors: [...pageErrors, ...[...document.querySelectorAll('.activation-lab-error')].map((e) => e.textContent ?? '')],
    plainBlocks: [...document.querySelectorAll('pre > code[class*="language-"]')].map((c) =>
      c.className.replace(/.*language-/, ''),
    ),
  };
}

function link(parent: HTMLElement, text: string, params: Record<string, string>): void {
  const href = '?' + new URLSearchParams(params).toString();
  parent.createEl('a', { text, href, cls: 'demo-link' });
}

/** The bar above the note: other notes, theme and language switches. */
function toolbar(notes: string[], note: string, theme: string, lang: string): void {
  const bar = document.body.createDiv({ cls: 'demo-bar' });
  bar.createSpan({ cls: 'demo-brand', text: 'Activation Lab demo' });
  for (const n of notes) link(bar, n.replace(/\.md$/, ''), { note: n, theme, lang });
  bar.createSpan({ cls: 'demo-sep' });
  link(bar, theme === 'dark' ? 'Light' : 'Dark', { note, theme: theme === 'dark' ? 'light' : 'dark', lang });
  link(bar, lang === 'zh' ? 'English' : '中文', { note, theme, lang: lang === 'zh' ? 'en' : 'zh' });
}

async function main(): Promise<void> {
  const files = (await fetch('/vault.json').then((r) => r.json())) as Record<string, string>;
  const notes = Object.keys(files)
    .filter((p) => p.endsWith('.md'))
    .sort();
  // Without ?note= the page opens on the seed note, the one with the charts; the bar links the others.
  const note = query.get('note') ?? SEED_NOTE;
  const theme = query.get('theme') === 'dark' ? 'dark' : 'light';
  const lang = query.get('lang') === 'en' ? 'en' : 'zh';
  await Promise.all([linkAndLoadWebfonts(), mathJax()]);
  const host = createHost({ files, language: lang });
  host.setTheme(theme);
  if (!note || !files[note]) {
    const list = document.body.createDiv({ cls: 'demo-index' });
    list.createEl('h1', { text: 'Activation Lab — example vault' });
    for (const n of notes) link(list.createDiv(), n, { note: n, theme, lang });
    window.demoStatus = () => status(true);
    return;
  }
  document.title = `${note} — Activation Lab demo`;
  if (query.get('bar') !== '0') toolbar(notes, note, theme, lang);
  await host.loadPlugin((await loadBuiltPlugin()) as never);
  host.setTheme(theme);
  // Clicking a wiki-link opens the note (and scrolls to its heading) in Obsidian; here it navigates to that
  // note's page, with the heading as the URL's #fragment, or scrolls within this page.
  document.addEventListener(
    'click',
    (event) => {
      const a = (event.target as Element | null)?.closest?.('a.internal-link');
      const href = a?.getAttribute('data-href');
      if (!href) return;
      event.preventDefault();
      event.stopPropagation();
      const [linkpath, ...rest] = href.split('#');
      const heading = rest.join('#');
      const target = linkpath === '' ? note : host.app.metadataCache.getFirstLinkpathDest(linkpath, note)?.path;
      if (target === note) scrollToHeading(heading);
      else if (target)
        location.href = `?${new URLSearchParams({ note: target, theme, lang }).toString()}${heading ? `#${encodeURIComponent(heading)}` : ''}`;
    },
    true,
  );
  const page = document.body.createDiv({ cls: 'demo-page' });
  await host.renderNote(note, page);
  scrollToHeading(decodeURIComponent(location.hash.slice(1)));
  // `?command=check-formulas` runs one of the plugin's commands on the note, as the command palette does.
  const command = query.get('command');
  if (command && !host.runCommand(`activation-lab:${command}`)) pageErrors.push(`command ${command} not available`);
  window.demoStatus = () => status(true);
}

/** Scrolls to the heading a link's `#Heading` names (the last part of a `#A#B` chain); block ids stay at the top. */
function scrollToHeading(subpath: string): void {
  const name = subpath.split('#').filter(Boolean).pop();
  if (!name || name.startsWith('^')) return;
  const heading = [...document.querySelectorAll<HTMLElement>('.demo-page [data-heading]')].find(
    (h) => h.getAttribute('data-heading')?.trim() === name.trim(),
  );
  heading?.scrollIntoView({ block: 'start' });
}

window.demoStatus = () => status(false);
main().catch((error: unknown) => {
  pageErrors.push(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));
  window.demoStatus = () => status(true);
});
