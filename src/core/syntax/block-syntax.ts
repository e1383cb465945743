/**
 * Reads the body of a fenced block — `key: value` lines typed by hand, often by people who never
 * wrote YAML — into ordered entries with line numbers. Deliberately not a YAML parser: it accepts
 * the handful of forms people actually type (scalars, flow lists, block lists, wiki-links) and
 * rejects everything else with a line-numbered problem instead of silently guessing. Pure.
 */
import { fail, ok, type Result } from '../result';
import { isWholeQuoted, linkSequence, matchingClose, splitList, stripComment, unquote } from './scan';

/** One `key: value` entry of a block. */
export interface BlockEntry {
  /** The key, lower-cased (`Functions` → `functions`). */
  key: string;
  /** 1-based line of the `key:` line inside the block. */
  line: number;
  /** A scalar (unquoted), or the items of a flow list, a block list or several wiki-links. */
  value: string | string[];
  /** The value as typed: comment removed, not unquoted or split (block-list items joined by `\n`). */
  raw: string;
  /** For a block list: the 1-based line of each item. */
  itemLines?: number[];
}

/** A block's entries in line order, plus lookup by key (a Map, so `__proto__` is just a key). */
export interface BlockEntries {
  readonly list: readonly BlockEntry[];
  readonly byKey: ReadonlyMap<string, BlockEntry>;
  /** Line of the first non-blank, non-comment line, or 1: where "missing key" problems point. */
  readonly firstLine: number;
  /** Number of lines in the body (a trailing newline counts as an empty last line). */
  readonly lineCount: number;
}

/**
 * Largest body we read, in UTF-8 bytes. Notes are untrusted and Obsidian re-renders a block on every
 * edit; real blocks are a few hundred bytes, so anything this big is pasted junk or hostile, and
 * refusing it up front keeps every later pass (and the quote/bracket scans) cheap.
 */
export const MAX_BLOCK_BYTES = 64 * 1024;

const COLONS = ':：';
const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEY_FORBIDDEN = /[,，[\]{}()"'#]/;

/** UTF-8 length without allocating an encoded copy (a lone surrogate counts 3, like TextEncoder's U+FFFD). */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (pair) i++;
  }
  return n;
}

/** The value after `key:`: scalar, quoted scalar, wiki-link(s) or flow list. A `[` not closed at the very end is plain text (`[Draft] ReLU`). */
function parseValue(rest: string): { value: string | string[]; raw: string } {
  const raw = stripComment(rest);
  if (isWholeQuoted(raw)) return { value: unquote(raw), raw };
  const links = linkSequence(raw);
  if (links) return { value: links.length === 1 ? links[0] : links, raw };
  if (raw.startsWith('[') && matchingClose(raw) === raw.length - 1) return { value: splitList(raw.slice(1, -1)), raw };
  return { value: raw, raw };
}

type Line =
  | { kind: 'skip' }
  | { kind: 'item' | 'other'; text: string }
  | { kind: 'key'; key: string; rest: string; indent: number; text: string };

/** Sorts one physical line into blank/comment, `key: …`, `- item` or anything else. */
function classify(line: string): Line {
  const text = line.trim(); // String#trim also drops tabs, NBSP and the ideographic space.
  if (text === '' || text.startsWith('#')) return { kind: 'skip' };
  if (/^-(\s|$)/.test(text)) return { kind: 'item', text: text.slice(1).trim() };
  let colon = -1;
  for (let i = 0; i < text.length && colon < 0; i++) if (COLONS.includes(text[i])) colon = i;
  if (colon > 0) {
    const key = text.slice(0, colon).trimEnd();
    const rest = text.slice(colon + 1);
    // Identifiers may be glued to their value (`x:[-6,6]`) but not to `//` (a URL). Other key-like
    // text (`学习率: 0.1`) still counts as a key so options can answer "unknown key, allowed: …".
    // The full-width colon carries its own spacing, so nothing needs to follow it.
    const spaced = text[colon] === '：' || /^(\s|$)/.test(rest);
    const keyLike = IDENT.test(key) ? !/^[/:]/.test(rest) : spaced && !KEY_FORBIDDEN.test(key) && !key.startsWith('-');
    if (keyLike)
      return { kind: 'key', key: key.toLowerCase(), rest, indent: line.length - line.trimStart().length, text };
  }
  return { kind: 'other', text };
}

/** A body without any `key:` line is the value of `bareKey`: its comma/line-separated items. */
function parseBare(lines: string[], bareKey: string, kinds: Line[]): BlockEntries {
  const items: string[] = [];
  const raws: string[] = [];
  let first = 0;
  kinds.forEach((k, i) => {
    if (k.kind === 'skip') return;
    if (!first) first = i + 1;
    const raw = stripComment(k.text);
    raws.push(raw);
    const flow = raw.startsWith('[') && !linkSequence(raw) && matchingClose(raw) === raw.length - 1;
    const inner = flow ? raw.slice(1, -1) : raw;
    items.push(...splitList(inner));
  });
  const list: BlockEntry[] = first
    ? [{ key: bareKey.toLowerCase(), line: first, value: items, raw: raws.join('\n') }]
    : [];
  return { list, byKey: new Map(list.map((e) => [e.key, e])), firstLine: first || 1, lineCount: lines.length };
}

/**
 * Parses a block body into entries. Problems: `tooLarge` (size, max), `duplicateKey` (key), and
 * `syntax` (value, expected) where `expected` is a token `src/i18n` translates: `keyValue`,
 * `noNestedMaps`, `listAfterEmptyKey`. Keys in `lineKeys` (lower-case) own the plain lines below an empty `key:`
 * as items, as they own `- item` lines.
 */
export function parseBlockSyntax(
  source: string,
  bareKey: string,
  lineKeys: ReadonlySet<string> = new Set(),
): Result<BlockEntries> {
  const size = utf8Bytes(source);
  if (size > MAX_BLOCK_BYTES) return fail('tooLarge', { size, max: MAX_BLOCK_BYTES }, 1);
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const kinds = lines.map(classify);
  if (!kinds.some((k) => k.kind === 'key')) return ok(parseBare(lines, bareKey, kinds));

  const list: BlockEntry[] = [];
  const byKey = new Map<string, BlockEntry>();
  let current: { entry: BlockEntry; indent: number; items: string[] | undefined } | undefined;
  const finish = () => {
    if (current?.items?.length) current.entry.value = current.items;
  };
  let firstLine = 0;
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i];
    const line = i + 1;
    if (k.kind === 'skip') continue;
    if (!firstLine) firstLine = line;
    if (k.kind === 'key') {
      if (current && k.indent > current.indent)
        return fail('syntax', { value: k.text, expected: 'noNestedMaps' }, line);
      finish();
      if (byKey.has(k.key)) return fail('duplicateKey', { key: k.key }, line);
      const { value, raw } = parseValue(k.rest);
      const entry: BlockEntry = { key: k.key, line, value, raw };
      list.push(entry);
      byKey.set(k.key, entry);
      // Only `key:` with nothing after it may own a block list below it.
      current = { entry, indent: k.indent, items: raw === '' ? [] : undefined };
    } else if (
      (k.kind === 'item' || (k.kind === 'other' && lineKeys.has(current?.entry.key ?? ''))) &&
      current?.items
    ) {
      // Keys in `lineKeys` also take plain lines below them, one item per line (definitions read better without `- `).
      const raw = stripComment(k.text);
      if (raw !== '') {
        current.items.push(unquote(raw));
        (current.entry.itemLines ??= []).push(line);
      }
      current.entry.raw += (current.entry.raw ? '\n' : '') + raw;
    } else {
      const expected = k.kind === 'item' && current ? 'listAfterEmptyKey' : 'keyValue';
      return fail('syntax', { value: k.kind === 'item' ? `- ${k.text}` : k.text, expected }, line);
    }
  }
  finish();
  return ok({ list, byKey, firstLine: firstLine || 1, lineCount: lines.length });
}
