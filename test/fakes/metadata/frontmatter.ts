/**
 * Frontmatter imitating `CachedMetadata.frontmatter`, `frontmatterPosition` and `frontmatterLinks`.
 * The YAML subset read here is what the captures need: block maps (keys may hold spaces), block sequences (also at
 * the key's own indentation, also of maps), empty values → null, plain/quoted scalars, YAML 1.2 core numbers and
 * booleans (dates stay strings), flow `[a, b]` and `{"k": "v"}`, block scalars `|`, `|-`, `|+`, `>`, `#` comments,
 * and JSON frontmatter. Not imitated: anchors/aliases, tags (`!!str`), multi-line flow collections, multi-line plain
 * or quoted scalars, `? ` complex keys. Unreadable YAML gives no frontmatter (as in Obsidian).
 */
import type { FrontMatterCache, FrontmatterLinkCache } from 'obsidian';
import { splitWikiText } from './inline';

type Value = unknown;
interface Cursor {
  lines: string[];
  i: number;
}

const indentOf = (line: string): number => /^ */.exec(line)![0].length;
const skippable = (line: string): boolean => /^\s*(#.*)?$/.test(line);

function skip(c: Cursor): void {
  while (c.i < c.lines.length && skippable(c.lines[c.i])) c.i++;
}

/** A scalar or one-line flow collection. */
export function parseScalar(raw: string): Value {
  const s = raw.trim();
  if (s.startsWith('"')) return JSON.parse(s.slice(0, s.lastIndexOf('"') + 1).replace(/\\\//g, '/')) as string;
  if (s.startsWith("'")) return s.slice(1, s.lastIndexOf("'")).replace(/''/g, "'");
  if (s.startsWith('[') && s.endsWith(']')) return splitFlow(s.slice(1, -1)).map(parseScalar);
  if (s.startsWith('{') && s.endsWith('}')) {
    const map: Record<string, Value> = {};
    for (const entry of splitFlow(s.slice(1, -1))) {
      const m = /^("[^"]*"|'[^']*'|[^:]+?)\s*:\s*(.*)$/.exec(entry.trim());
      if (m) map[String(parseScalar(m[1]))] = parseScalar(m[2]);
    }
    return map;
  }
  const plain = s.replace(/\s+#.*$/, '');
  if (/^(~|null|Null|NULL)?$/.test(plain)) return null;
  if (/^(true|True|TRUE)$/.test(plain)) return true;
  if (/^(false|False|FALSE)$/.test(plain)) return false;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return Number(plain);
  return plain;
}

function splitFlow(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (const ch of body) {
    if (quote) quote = ch === quote ? '' : quote;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim() !== '' || parts.length) parts.push(cur);
  return parts.map((p) => p.trim()).filter((p, k, all) => p !== '' || k < all.length - 1);
}

/** Block scalar (`|` keeps lines, `>` folds them; `-` strips the final newline, `+` keeps trailing blank lines). */
function blockScalar(c: Cursor, header: string, parentIndent: number): string {
  const out: string[] = [];
  let indent = -1;
  while (c.i < c.lines.length) {
    const line = c.lines[c.i];
    if (line.trim() === '') {
      out.push('');
    } else {
      const ind = indentOf(line);
      if (ind <= parentIndent) break;
      if (indent < 0) indent = ind;
      out.push(line.slice(Math.min(indent, ind)));
    }
    c.i++;
  }
  let trailing = 0;
  while (out.length && out[out.length - 1] === '') {
    out.pop();
    trailing++;
  }
  const body = header.startsWith('>') ? out.join(' ').replace(/ ?\n ?/g, '\n') : out.join('\n');
  if (header.includes('-')) return body;
  if (header.includes('+')) return body + '\n'.repeat(trailing + 1);
  return out.length ? body + '\n' : '';
}

/** The value after `key:` (or `-`): inline, block scalar, nested block, or null. */
function valueAfter(c: Cursor, rest: string, indent: number, seqItem: boolean): Value {
  const s = rest.replace(/^\s+|\s+$/g, '');
  if (/^[|>][-+]?$/.test(s)) return blockScalar(c, s, indent);
  if (s !== '' && !s.startsWith('#')) return parseScalar(s);
  skip(c);
  if (c.i >= c.lines.length) return null;
  const next = c.lines[c.i];
  const ind = indentOf(next);
  // A sequence may sit at its key's own indentation; anything else must be deeper.
  if (ind > indent || (!seqItem && ind === indent && /^\s*-(\s|$)/.test(next))) return parseBlock(c, ind);
  return null;
}

/** A block map or sequence whose lines start at `indent`. */
function parseBlock(c: Cursor, indent: number): Value {
  skip(c);
  const isSeq = /^\s*-(\s|$)/.test(c.lines[c.i] ?? '');
  const seq: Value[] = [];
  const map: Record<string, Value> = {};
  while (c.i < c.lines.length) {
    skip(c);
    const line = c.lines[c.i];
    if (line === undefined || indentOf(line) !== indent) break;
    const body = line.slice(indent);
    if (isSeq) {
      const m = /^-(?:\s+(.*))?$/.exec(body);
      if (!m) break;
      const rest = m[1] ?? '';
      if (/^("[^"]*"|'[^']*'|[^\s"'#[{][^:]*?)\s*:(\s|$)/.test(rest)) {
        // `- key: value` starts a map whose keys sit where `key` does.
        c.lines[c.i] = ' '.repeat(indent + body.length - rest.length) + rest;
        seq.push(parseBlock(c, indent + body.length - rest.length));
      } else {
        c.i++;
        seq.push(valueAfter(c, rest, indent, true));
      }
    } else {
      const m = /^("[^"]*"|'[^']*'|[^\s"'#-][^:]*?|-[^\s:][^:]*?)\s*:(?:\s+(.*)|\s*)$/.exec(body);
      if (!m) throw new Error(`unreadable YAML line: ${line}`);
      c.i++;
      map[String(parseScalar(m[1]))] = valueAfter(c, m[2] ?? '', indent, false);
    }
  }
  return isSeq ? seq : map;
}

/** Parses frontmatter text (between the `---` lines); null when empty or unreadable. */
export function parseFrontmatter(yaml: string): FrontMatterCache | null {
  try {
    if (yaml.trim() === '') return null;
    if (yaml.trim().startsWith('{')) return JSON.parse(yaml) as FrontMatterCache;
    const c: Cursor = { lines: yaml.replace(/\t/g, '  ').split('\n'), i: 0 };
    skip(c);
    const value = parseBlock(c, indentOf(c.lines[c.i] ?? ''));
    skip(c);
    if (c.i < c.lines.length || Array.isArray(value)) return null;
    return value as FrontMatterCache;
  } catch {
    return null;
  }
}

/** Wiki-links inside frontmatter string values, keyed `key`, `key.0`, `key.sub` as in `frontmatterLinks`. */
export function frontmatterLinks(value: Value, key = ''): FrontmatterLinkCache[] {
  if (typeof value === 'string') {
    return [...value.matchAll(/\[\[([^\]\n]+)\]\]/g)].map((m) => ({ key, original: m[0], ...splitWikiText(m[1]) }));
  }
  if (value && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, k) => [String(k), v] as const) : Object.entries(value);
    return entries.flatMap(([k, v]) => frontmatterLinks(v, key === '' ? k : `${key}.${k}`));
  }
  return [];
}
