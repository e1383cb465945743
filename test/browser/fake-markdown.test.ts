import { afterEach, describe, expect, it } from 'vitest';
import { App, Component, MarkdownRenderer, Plugin } from '../fakes/obsidian';

type Flagged = Window & { __pwned?: unknown };
const flag = (): unknown => (window as Flagged).__pwned;
const plugins: Plugin[] = [];
afterEach(() => {
  document.body.replaceChildren();
  delete (window as Flagged).__pwned;
  for (const p of plugins.splice(0)) p.unload();
});

async function render(
  md: string,
  files: Record<string, string> = { 'note.md': md, 'Other.md': '# Other' },
): Promise<HTMLElement> {
  const app = new App(files);
  const el = document.body.createDiv();
  const c = new Component();
  c.load();
  await MarkdownRenderer.render(app, md, el, 'note.md', c);
  return el;
}

describe('MarkdownRenderer.render (imitates obsidian MarkdownRenderer.render, small subset)', () => {
  it('renders headings, paragraphs with soft breaks, lists, tasks, blockquotes, hr, code and math in div.el-* sections', async () => {
    const el = await render(
      '# Title\n\nline one\nline *two* and **bold** `code`\n\n- a\n- [x] done\n  - nested\n1. one\n\n> quoted\n\n---\n\n```py\nprint(1)\n```\n\n$$\nx^2\n$$',
    );
    expect([...el.children].map((s) => s.className)).toEqual([
      'el-h1',
      'el-p',
      'el-ul',
      'el-ol',
      'el-blockquote',
      'el-hr',
      'el-pre',
      'el-div',
    ]);
    expect(el.querySelector('h1')?.textContent).toBe('Title');
    const p = el.querySelector('p')!;
    expect(p.querySelector('br')).not.toBeNull();
    expect(p.querySelector('em')?.textContent).toBe('two');
    expect(p.querySelector('strong')?.textContent).toBe('bold');
    expect(p.querySelector('code')?.textContent).toBe('code');
    expect(el.querySelector('li.task-list-item input.task-list-item-checkbox')?.hasAttribute('checked')).toBe(true);
    expect(el.querySelector('ul ul li')?.textContent).toBe('nested');
    expect(el.querySelector('blockquote p')?.textContent).toBe('quoted');
    expect(el.querySelector('pre > code.language-py')?.textContent).toBe('print(1)');
    expect(el.querySelector('.math.math-block')?.textContent).toBe('x^2');
  });

  it('renders $math$ as span.math and [[links]] as a.internal-link with data-href/href and is-unresolved', async () => {
    const el = await render('Energy $E = mc^2$ costs 5$ see [[Other#Part|the other]] and [[Gone]] and [[Other]]');
    expect(el.querySelector('span.math')?.textContent).toBe('E = mc^2');
    const links = [...el.querySelectorAll('a.internal-link')];
    expect(
      links.map((a) => [
        a.getAttribute('data-href'),
        a.getAttribute('href'),
        a.textContent,
        a.classList.contains('is-unresolved'),
      ]),
    ).toEqual([
      ['Other#Part', 'Other#Part', 'the other', false],
      ['Gone', 'Gone', 'Gone', true],
      ['Other', 'Other', 'Other', false],
    ]);
  });

  it('external links only for http(s)/mailto; callouts get Obsidian markup; frontmatter is not rendered', async () => {
    const el = await render(
      '---\ntitle: x\n---\n[site](https://example.com) [mail](mailto:a@b.c) [rel](Other.md)\n\n> [!warning]- Careful *now*\n> body',
    );
    const ext = [...el.querySelectorAll('a.external-link')].map((a) => a.getAttribute('href'));
    expect(ext).toEqual(['https://example.com', 'mailto:a@b.c']);
    expect(el.querySelector('a.internal-link')?.getAttribute('data-href')).toBe('Other.md');
    expect(el.textContent).not.toContain('title: x');
    const callout = el.querySelector('div.callout')!;
    expect(callout.getAttribute('data-callout')).toBe('warning');
    expect(callout.classList.contains('is-collapsed')).toBe(true);
    expect(callout.querySelector('.callout-title-inner em')?.textContent).toBe('now');
    expect(callout.querySelector('.callout-content p')?.textContent).toBe('body');
  });

  it('positive control: the window-flag detector does catch an executed onerror payload', async () => {
    const control = document.body.createDiv();
    control.innerHTML = '<img src="x" onerror="window.__pwned = \'control\'">';
    // Wait for the image's error event itself (a fixed 50 ms was too short on a loaded machine): the inline
    // handler was registered first, so it has run when this listener does.
    const img = control.querySelector('img') as HTMLImageElement;
    await new Promise((r) => {
      img.addEventListener('error', r, { once: true });
      setTimeout(r, 5000);
    });
    expect(flag()).toBe('control');
  });

  it('hostile markdown never executes: raw HTML is text, javascript: never becomes an href', async () => {
    const md = [
      '<script>window.__pwned = "script"</script>',
      '<img src="x" onerror="window.__pwned = \'img\'">',
      '<iframe src="javascript:window.__pwned=\'iframe\'"></iframe>',
      "[click me](javascript:window.__pwned='link')",
      "[[javascript:window.__pwned='wiki'|wiki]]",
      "![pic](javascript:window.__pwned='image')",
      '[data](data:text/html,<script>window.__pwned=1</script>)',
      '> [!note] <img src=x onerror="window.__pwned=\'callout\'">',
      '',
      '```html',
      '<img src=x onerror="window.__pwned=\'code\'">',
      '```',
    ].join('\n');
    const el = await render(md);
    for (const a of el.querySelectorAll('a')) {
      expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
      if (!a.hasAttribute('href') || a.classList.contains('internal-link')) a.click();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(flag()).toBeUndefined();
    expect(el.querySelectorAll('script, iframe, img[onerror], [onerror]')).toHaveLength(0);
    expect(el.textContent).toContain('<script>window.__pwned = "script"</script>');
  });

  it('hands code blocks with a registered language to the processor, with a child ctx (also nested renders)', async () => {
    const app = new App({ 'note.md': '' });
    const plugin = new Plugin(app, {
      id: 't',
      name: 'T',
      version: '1',
      minAppVersion: '1',
      author: '',
      description: '',
    });
    plugin.load();
    plugins.push(plugin);
    const seen: { source: string; path: string; section: unknown }[] = [];
    plugin.registerMarkdownCodeBlockProcessor('outer', async (source, el, ctx) => {
      seen.push({ source, path: ctx.sourcePath, section: ctx.getSectionInfo(el) });
      await MarkdownRenderer.render(app, '```inner\nnested\n```', el, ctx.sourcePath, plugin);
    });
    plugin.registerMarkdownCodeBlockProcessor('inner', (source, el) => {
      el.createSpan({ cls: 'inner-done', text: source });
    });
    const container = document.body.createDiv();
    const c = new Component();
    c.load();
    await MarkdownRenderer.render(
      app,
      'text\n\n```outer\na\nb\n```\n\n> [!note]\n> ```inner\n> in callout\n> ```',
      container,
      'note.md',
      c,
    );
    expect(seen).toEqual([{ source: 'a\nb', path: 'note.md', section: null }]);
    expect(container.querySelector('.el-pre > div.block-language-outer .inner-done')?.textContent).toBe('nested');
    expect(container.querySelector('.callout-content div.block-language-inner .inner-done')?.textContent).toBe(
      'in callout',
    );
    expect(container.querySelectorAll('pre')).toHaveLength(0);
  });
});
