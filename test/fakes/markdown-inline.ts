/**
 * Inline half of the fake MarkdownRenderer: turns one block's text into DOM nodes with
 * createElement/textContent only (raw HTML stays text). Imitates Obsidian's reading-view markup for
 * internal links (`a.internal-link[data-href]`), external links (`a.external-link`), tags, math and code.
 */
import { renderMath } from './math';

/** What the inline renderer needs from its caller: link resolution for `is-unresolved`. */
export interface InlineEnv {
  /** True if a linkpath resolves to a vault file from the note being rendered. */
  resolves(linkpath: string): boolean;
  /** Wires an internal link (click opens it, hover triggers 'hover-link'), as Reading view does. */
  link?(a: HTMLAnchorElement): void;
}

/** URL schemes that may become an `href` (everything else — javascript:, data:, vbscript:, file: … — stays text). */
const SAFE_SCHEME = /^(https?:|mailto:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

type Rule = { re: RegExp; render: (m: RegExpExecArray, parent: Node, env: InlineEnv) => void };

/** Appends `tag` with children rendered from `inner` (recursive inline). */
function wrap(tag: string, cls: string | null, inner: string, parent: Node, env: InlineEnv): void {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  renderInline(inner, el, env);
  parent.appendChild(el);
}

/** Imitates Obsidian's internal link: `<a class="internal-link" data-href href target=_blank rel>` (no href if the target looks like an unsafe URL). */
function internalLink(target: string, display: string, parent: Node, env: InlineEnv): void {
  const a = document.createElement('a');
  a.className = 'internal-link';
  a.setAttribute('data-href', target);
  if (!HAS_SCHEME.test(target) || SAFE_SCHEME.test(target)) a.setAttribute('href', target);
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener nofollow');
  const linkpath = target.split('#')[0];
  if (linkpath !== '' && !env.resolves(linkpath)) a.classList.add('is-unresolved');
  a.textContent = display;
  env.link?.(a);
  parent.appendChild(a);
}

/** Imitates Obsidian's external link: `<a class="external-link" href target=_blank rel>` — only for safe schemes. */
function externalLink(url: string, label: string, parent: Node, env: InlineEnv): void {
  const a = document.createElement('a');
  a.className = 'external-link';
  a.setAttribute('href', url);
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener nofollow');
  renderInline(label, a, env);
  parent.appendChild(a);
}

/** Delimited span; underscores may not close inside a word (CommonMark's right-flanking rule, simplified). */
const emph = (delim: string): string =>
  `${delim}(?=\\S)([\\s\\S]*?\\S)${delim}${delim.startsWith('_') ? '(?!\\w)' : ''}`;

/** Inline rules, tried in order at each position (first match wins). */
const RULES: Rule[] = [
  { re: /\\([!-/:-@[-`{-~])/y, render: (m, p) => p.appendChild(document.createTextNode(m[1])) },
  {
    re: /(`+)([\s\S]*?[^`])\1(?!`)/y,
    render: (m, p) => {
      const c = document.createElement('code');
      c.textContent = m[2].trim() || m[2];
      p.appendChild(c);
    },
  },
  // `$$…$$` inside a paragraph (even across its lines) is display math, as Obsidian renders it.
  {
    re: /\$\$([\s\S]+?)\$\$/y,
    render: (m, p) => {
      const s = document.createElement('span');
      s.className = 'math math-block is-loaded';
      s.appendChild(renderMath(m[1].trim(), true));
      p.appendChild(s);
    },
  },
  {
    re: /\$(?=\S)([^$\n]*?\S)\$(?!\d)/y,
    render: (m, p) => {
      const s = document.createElement('span');
      s.className = 'math math-inline is-loaded';
      s.appendChild(renderMath(m[1], false));
      p.appendChild(s);
    },
  },
  {
    re: /!\[\[([^\]\n]+)\]\]/y,
    render: (m, p) => {
      const [target, alias] = m[1].split('|');
      const s = document.createElement('span');
      s.className = 'internal-embed';
      s.setAttribute('src', target);
      s.setAttribute('alt', alias ?? target);
      s.textContent = alias ?? target;
      p.appendChild(s);
    },
  },
  {
    re: /\[\[([^\]\n]+)\]\]/y,
    render: (m, p, env) => {
      const bar = m[1].indexOf('|');
      const target = bar < 0 ? m[1] : m[1].slice(0, bar);
      internalLink(target.trim(), bar < 0 ? target : m[1].slice(bar + 1), p, env);
    },
  },
  {
    re: /!\[([^\]\n]*)\]\(([^()\s]*)\)/y,
    render: (m, p) => {
      if (!/^https?:/i.test(m[2])) {
        p.appendChild(document.createTextNode(m[0]));
        return;
      }
      const img = document.createElement('img');
      img.setAttribute('alt', m[1]);
      img.setAttribute('src', m[2]);
      p.appendChild(img);
    },
  },
  {
    re: /\[([^\]\n]*)\]\(<?([^()\s<>]*)>?\)/y,
    render: (m, p, env) => {
      const url = m[2];
      if (SAFE_SCHEME.test(url)) externalLink(url, m[1], p, env);
      else if (!HAS_SCHEME.test(url) && url !== '') internalLink(safeDecode(url), m[1], p, env);
      else p.appendChild(document.createTextNode(m[0]));
    },
  },
  { re: /<(https?:\/\/[^\s<>]+)>/y, render: (m, p, env) => externalLink(m[1], m[1], p, env) },
  { re: /https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/y, render: (m, p, env) => externalLink(m[0], m[0], p, env) },
  {
    re: /#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/uy,
    render: (m, p) => {
      const a = document.createElement('a');
      a.className = 'tag';
      a.setAttribute('href', m[0]);
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener nofollow');
      a.textContent = m[0];
      p.appendChild(a);
    },
  },
  { re: new RegExp(emph('\\*\\*'), 'y'), render: (m, p, env) => wrap('strong', null, m[1], p, env) },
  { re: new RegExp(emph('__'), 'y'), render: (m, p, env) => wrap('strong', null, m[1], p, env) },
  { re: new RegExp(emph('\\*'), 'y'), render: (m, p, env) => wrap('em', null, m[1], p, env) },
  { re: new RegExp(emph('_'), 'y'), render: (m, p, env) => wrap('em', null, m[1], p, env) },
  { re: new RegExp(emph('~~'), 'y'), render: (m, p, env) => wrap('del', null, m[1], p, env) },
  { re: new RegExp(emph('=='), 'y'), render: (m, p, env) => wrap('mark', null, m[1], p, env) },
  {
    re: /\n/y,
    render: (_m, p) => {
      p.appendChild(document.createElement('br'));
      p.appendChild(document.createTextNode('\n'));
    },
  },
];

/** decodeURI that keeps the input when it is malformed. */
function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Characters after which a `#tag` may start (Obsidian needs whitespace or line start before a tag). */
const TAG_BOUNDARY = /[\s(]/;

/** Renders `text` as inline Markdown into `parent` (text nodes + safe elements only). */
export function renderInline(text: string, parent: Node, env: InlineEnv): void {
  let buffer = '';
  let i = 0;
  const flush = (): void => {
    if (buffer) parent.appendChild(document.createTextNode(buffer));
    buffer = '';
  };
  outer: while (i < text.length) {
    for (const rule of RULES) {
      if (rule.re.source.startsWith('#') && i > 0 && !TAG_BOUNDARY.test(text[i - 1])) continue;
      if (rule.re.source.startsWith('_') && i > 0 && /\w/.test(text[i - 1])) continue;
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (!m) continue;
      flush();
      rule.render(m, parent, env);
      i += m[0].length;
      continue outer;
    }
    buffer += text[i++];
  }
  flush();
}
