/**
 * Imitates obsidian.d.ts `MarkdownRenderer.render` and `MarkdownPostProcessorContext` with a SMALL, safe block renderer. Notes are untrusted: only
 * createElement/textContent are used; raw HTML is shown as text. Code blocks whose language has a
 * registered processor are handed to it (also inside callouts and nested renders), like Obsidian.
 */
import type { MarkdownPostProcessorContext, MarkdownSectionInformation } from 'obsidian';
import type { Component } from './component';
import { renderMath } from './math';
import { renderInline, type InlineEnv } from './markdown-inline';
import { registeredPostProcessors, type RenderApp } from './post-processors';
import { computeCache } from './metadata/compute-cache';

type Block = { kind: string; start: number; end: number; lines: string[]; level?: number; lang?: string };
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)?.*$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const HR = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const LIST = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^ {0,3}>/;

/** Whether `line` opens a block of its own (so it cannot continue a paragraph lazily). */
function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || HR.test(line) || LIST.test(line);
}

/** Splits lines [from, to) into top-level blocks with 0-based inclusive line ranges. */
function parseBlocks(lines: string[], from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let i = from;
  while (i < to) {
    const line = lines[i];
    const start = i;
    const fence = FENCE.exec(line);
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (start === 0 && line === '---') {
      const close = lines.findIndex((l, j) => j > 0 && (l === '---' || l === '...'));
      if (close > 0) {
        i = close + 1;
        continue;
      }
    }
    if (fence) {
      const marker = fence[1];
      let j = i + 1;
      while (j < to && !new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`).test(lines[j])) j++;
      blocks.push({
        kind: 'code',
        start,
        end: Math.min(j, to - 1),
        lines: lines.slice(i + 1, j),
        lang: fence[2] ?? '',
      });
      i = j + 1;
    } else if (line.trim() === '$$' || (line.trim().startsWith('$$') && !line.trim().slice(2).includes('$$'))) {
      let j = i + 1;
      while (j < to && !lines[j].trim().endsWith('$$')) j++;
      const body = lines
        .slice(i, Math.min(j, to - 1) + 1)
        .join('\n')
        .trim()
        .replace(/^\$\$|\$\$$/g, '');
      blocks.push({ kind: 'math', start, end: Math.min(j, to - 1), lines: [body.trim()] });
      i = j + 1;
    } else if (HEADING.test(line)) {
      const m = HEADING.exec(line)!;
      blocks.push({ kind: 'heading', start, end: i, lines: [m[2] ?? ''], level: m[1].length });
      i++;
    } else if (HR.test(line)) {
      blocks.push({ kind: 'hr', start, end: i, lines: [] });
      i++;
    } else if (QUOTE.test(line)) {
      // CommonMark's lazy continuation: a non-blank line that starts no other block continues the quote's paragraph.
      while (i < to && (QUOTE.test(lines[i]) || (lines[i].trim() !== '' && !startsBlock(lines[i])))) i++;
      blocks.push({
        kind: 'quote',
        start,
        end: i - 1,
        lines: lines.slice(start, i).map((l) => l.replace(/^ {0,3}> ?/, '')),
      });
    } else if (LIST.test(line)) {
      const [, lead, marker] = LIST.exec(line)!;
      const indent = lead.length;
      i++;
      while (i < to) {
        const l = lines[i];
        const item = LIST.exec(l);
        if (l.trim() === '' ? !(i + 1 < to && /^\s+\S/.test(lines[i + 1])) : !(item || /^\s+\S/.test(l))) break;
        if (
          item &&
          (item[1].length < indent || (item[1].length === indent && /\d/.test(item[2]) !== /\d/.test(marker)))
        )
          break;
        i++;
      }
      while (lines[i - 1].trim() === '') i--;
      blocks.push({ kind: 'list', start, end: i - 1, lines: lines.slice(start, i) });
    } else {
      while (
        i < to &&
        lines[i].trim() !== '' &&
        !FENCE.test(lines[i]) &&
        !HEADING.test(lines[i]) &&
        !QUOTE.test(lines[i]) &&
        !(i > start && LIST.test(lines[i])) &&
        !HR.test(lines[i])
      )
        i++;
      blocks.push({ kind: 'para', start, end: i - 1, lines: lines.slice(start, i) });
    }
  }
  return blocks;
}

/** Per-render state: link resolution and the section map for getSectionInfo. */
interface RenderEnv extends InlineEnv {
  el(tag: string, parent: Node, cls?: string): HTMLElement;
}

function makeEnv(app: RenderApp, sourcePath: string, hoverParent: Component): RenderEnv {
  return {
    resolves: (linkpath) => app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath) !== null,
    link: (a) => {
      const linktext = a.getAttribute('data-href') ?? '';
      a.addEventListener('click', (evt) => {
        evt.preventDefault();
        void app.workspace.openLinkText(linktext, sourcePath, evt.ctrlKey || evt.metaKey);
      });
      a.addEventListener('mouseover', (event) => {
        app.workspace.trigger('hover-link', {
          event,
          source: 'preview',
          hoverParent,
          targetEl: a,
          linktext,
          sourcePath,
        });
      });
    },
    el: (tag, parent, cls) => {
      const e = (parent.ownerDocument ?? document).createElement(tag);
      if (cls) e.className = cls;
      parent.appendChild(e);
      return e;
    },
  };
}

/** Renders a list block (nested lists come from deeper-indented item lines). */
function renderList(lines: string[], parent: Node, env: RenderEnv): void {
  const first = LIST.exec(lines[0])!;
  const ordered = /\d/.test(first[2]);
  const list = env.el(ordered ? 'ol' : 'ul', parent);
  if (ordered && parseInt(first[2], 10) !== 1) list.setAttribute('start', String(parseInt(first[2], 10)));
  const base = first[1].length;
  let item: string[] | null = null;
  const flush = (): void => {
    if (!item) return;
    const li = env.el('li', list);
    const m = /^\[(.)\]\s+(.*)$/.exec(item[0]);
    if (m) {
      li.className = 'task-list-item';
      li.setAttribute('data-task', m[1] === ' ' ? '' : m[1]);
      const box = env.el('input', li, 'task-list-item-checkbox');
      box.setAttribute('type', 'checkbox');
      if (m[1] !== ' ') box.setAttribute('checked', '');
    }
    renderInline(m ? m[2] : item[0], li, env);
    const rest = item.slice(1).map((l) => l.replace(/^\s{0,4}|\t/, ''));
    for (const b of parseBlocks(rest, 0, rest.length)) renderBlock(b, li, env);
  };
  for (const line of lines) {
    const m = LIST.exec(line);
    if (m && m[1].length <= base) {
      flush();
      item = [m[3]];
    } else item?.push(line.slice(Math.min(base, line.search(/\S|$/))));
  }
  flush();
}

/** Renders a blockquote; `> [!type]± title` becomes an Obsidian callout (div.callout[data-callout]). */
function renderQuote(lines: string[], parent: Node, env: RenderEnv): void {
  const m = /^\[!([^\]]+)\]([+-]?)\s*(.*)$/.exec(lines[0]);
  if (!m) {
    const q = env.el('blockquote', parent);
    for (const b of parseBlocks(lines, 0, lines.length)) renderBlock(b, q, env);
    return;
  }
  const type = m[1].trim().toLowerCase();
  const callout = env.el(
    'div',
    parent,
    `callout${m[2] ? ' is-collapsible' : ''}${m[2] === '-' ? ' is-collapsed' : ''}`,
  );
  callout.setAttribute('data-callout', type);
  callout.setAttribute('data-callout-fold', m[2]);
  callout.setAttribute('data-callout-metadata', '');
  const title = env.el('div', callout, 'callout-title');
  env.el('div', title, 'callout-icon');
  renderInline(m[3] || type.charAt(0).toUpperCase() + type.slice(1), env.el('div', title, 'callout-title-inner'), env);
  const content = env.el('div', callout, 'callout-content');
  if (m[2] === '-') content.style.display = 'none';
  for (const b of parseBlocks(lines, 1, lines.length)) renderBlock(b, content, env);
}

/** Renders one block into `parent`. */
function renderBlock(b: Block, parent: Node, env: RenderEnv): void {
  if (b.kind === 'heading') {
    const h = env.el(`h${b.level}`, parent);
    h.setAttribute('data-heading', b.lines[0]);
    renderInline(b.lines[0], h, env);
  } else if (b.kind === 'code') {
    const code = env.el(
      'code',
      env.el('pre', parent, b.lang ? `language-${b.lang}` : undefined),
      b.lang ? `language-${b.lang}` : undefined,
    );
    code.textContent = b.lines.join('\n');
  } else if (b.kind === 'math')
    env.el('div', parent, 'math math-block is-loaded').appendChild(renderMath(b.lines[0], true));
  else if (b.kind === 'hr') env.el('hr', parent);
  else if (b.kind === 'quote') renderQuote(b.lines, parent, env);
  else if (b.kind === 'list') renderList(b.lines, parent, env);
  else renderInline(b.lines.join('\n'), env.el('p', parent), env);
}

/**
 * Options of the shared render routine (fake detail). `readingView`: getSectionInfo answers, and post-processors
 * get each section *detached* (Reading view builds a section, post-processes it, then inserts it), unless
 * `attached` (the other mode: sections are in `el` before processors run, as for `MarkdownRenderer.render`).
 */
export interface RenderOptions {
  readingView: boolean;
  attached?: boolean;
}

/** One rendered note: its top-level blocks and a way to (re)build any of them as a processed section (fake detail). */
export class SectionRenderer {
  readonly blocks: Block[];
  private readonly env: RenderEnv;
  private readonly ctx: MarkdownPostProcessorContext;
  private readonly sections = new Map<Element, Block>();

  constructor(
    app: RenderApp,
    private readonly markdown: string,
    sourcePath: string,
    component: Component,
    private readonly opts: RenderOptions,
  ) {
    this.env = makeEnv(app, sourcePath, component);
    const lines = markdown.split(/\r?\n/);
    this.blocks = parseBlocks(lines, 0, lines.length);
    const cache = computeCache(markdown);
    /** Obsidian answers getSectionInfo from its section cache: use computeCache's section holding the block's first line. */
    const lineRange = (b: Block): [number, number] => {
      const s = cache.sections?.find((c) => c.position.start.line <= b.start && b.start <= c.position.end.line);
      return s ? [s.position.start.line, s.position.end.line] : [b.start, b.end];
    };
    this.ctx = {
      docId: Math.random().toString(36).slice(2, 14),
      sourcePath,
      frontmatter: cache.frontmatter ?? null,
      addChild: (child) => void component.addChild(child as unknown as Component),
      getSectionInfo: (target: HTMLElement): MarkdownSectionInformation | null => {
        if (!opts.readingView) return null;
        for (let n: Element | null = target; n; n = n.parentElement) {
          const b = this.sections.get(n);
          if (b) {
            const [lineStart, lineEnd] = lineRange(b);
            return { text: markdown, lineStart, lineEnd };
          }
        }
        return null;
      },
    };
  }

  /** Builds block `i` as a `div.el-*` section in `parent` (a fragment when detached). */
  build(i: number, parent: Node): HTMLElement {
    const b = this.blocks[i];
    const section = this.env.el('div', parent);
    renderBlock(b, section, this.env);
    section.className = `el-${section.firstElementChild?.tagName.toLowerCase() ?? 'div'}`;
    this.sections.set(section, b);
    return section;
  }

  /** Runs every post-processor on every section (errors are logged, as Obsidian does); resolves when all settle. */
  process(sections: HTMLElement[]): Promise<unknown> {
    const jobs: Promise<unknown>[] = [];
    for (const section of sections) {
      for (const pp of registeredPostProcessors()) {
        try {
          const r = pp(section, this.ctx);
          if (r instanceof Promise) jobs.push(r.catch((e) => console.error(e)));
        } catch (e) {
          console.error(e);
        }
      }
    }
    return Promise.all(jobs);
  }

  /** Builds sections `indices`, post-processes them (detached unless `attached`), then puts them where `place` says. */
  async render(
    indices: number[],
    into: HTMLElement,
    place: (section: HTMLElement, i: number) => void,
  ): Promise<HTMLElement[]> {
    const attached = this.opts.attached || !this.opts.readingView;
    const holder = attached ? into : (into.ownerDocument ?? document).createDocumentFragment();
    const built = indices.map((i) => this.build(i, holder));
    if (attached) built.forEach((section, k) => place(section, indices[k]));
    const done = this.process(built);
    if (!attached) built.forEach((section, k) => place(section, indices[k]));
    await done;
    return built;
  }
}

/** Renders `markdown` into `el` in sections (div.el-*), then runs post-processors per section with a context. */
export async function renderMarkdown(
  app: RenderApp,
  markdown: string,
  el: HTMLElement,
  sourcePath: string,
  component: Component,
  opts: RenderOptions,
): Promise<SectionRenderer> {
  const renderer = new SectionRenderer(app, markdown, sourcePath, component, opts);
  await renderer.render(
    renderer.blocks.map((_, i) => i),
    el,
    (section) => el.appendChild(section),
  );
  return renderer;
}

/** Imitates obsidian.d.ts `MarkdownRenderer` (static side only; the view side is not imitated). */
export class MarkdownRenderer {
  /** Imitates `MarkdownRenderer.render(app, markdown, el, sourcePath, component)`: appends to `el`; ctx.getSectionInfo returns null here (as for Obsidian's standalone renders). */
  static async render(
    app: RenderApp,
    markdown: string,
    el: HTMLElement,
    sourcePath: string,
    component: Component,
  ): Promise<void> {
    await renderMarkdown(app, markdown, el, sourcePath, component, { readingView: false });
  }
}
