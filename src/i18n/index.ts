/** UI strings in English and Simplified Chinese, and the formatting of core `Problem`s. Pure. */
import type { Problem, ProblemCode } from '../core/result';
import { messages, type MessageKey } from './messages';

/** Every message key. */
export type { MessageKey };

/** A language the plugin speaks. */
export type Lang = 'en' | 'zh';

/** Arguments substituted for `{name}` placeholders. */
export type MessageArgs = Readonly<Record<string, string | number>>;

// Compile-time guarantee that every ProblemCode has a message: this line fails to type-check otherwise.
const everyProblemHasAMessage: `problem.${ProblemCode}` extends MessageKey ? true : never = true;
void everyProblemHasAMessage;

/** Which column of a `messages` row holds each language. */
const COLUMN: Record<Lang, 0 | 1> = { en: 0, zh: 1 };

/** Longest user-supplied value quoted back in a message; a block can hold 64 KiB of anything. */
const MAX_SHOWN = 80;
/** Args that come from us (lists of names, rules), never truncated. */
const TRUSTED_ARGS = new Set(['allowed', 'suggestions', 'expected', 'rule', 'min', 'max', 'size', 'line']);
/** Control characters and bidi controls: a hostile value must not break or visually reorder the message. */
function unsafe(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/** Each template split once at its placeholders (text, name, text, …): a slider frame formats several labels. */
const splitTemplates = new Map<string, readonly string[]>();

/** The message for `key` in `lang` with `{placeholders}` filled; unknown placeholders stay visible. */
export function t(lang: Lang, key: MessageKey, args: MessageArgs = {}): string {
  const row: readonly string[] | undefined = messages[key];
  const template = row?.[COLUMN[lang] ?? 0] ?? key;
  let parts = splitTemplates.get(template);
  if (!parts) splitTemplates.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** `'auto'` follows Obsidian's language: any `zh` variant (`zh`, `zh-TW`, `zh_cn`, …) → zh; everything else → en. */
export function resolveLang(setting: 'auto' | 'en' | 'zh', obsidianLanguage?: string): Lang {
  if (setting === 'en' || setting === 'zh') return setting;
  return (obsidianLanguage ?? '').trim().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A user value made safe to show: one line, no bidi tricks, at most MAX_SHOWN characters. */
function shown(value: string): string {
  const chars = Array.from(value, (ch) => (unsafe(ch.charCodeAt(0)) ? ' ' : ch));
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : chars.join('');
}

/** `a, b, c` → `'a', 'b' or 'c'` (en) / `'a'、'b' 或 'c'` (zh). */
function orList(lang: Lang, commaJoined: string): string {
  const names = commaJoined
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => `'${s}'`);
  if (names.length <= 1) return names.join('');
  const head = names.slice(0, -1).join(t(lang, 'problem.listSeparator'));
  return head + t(lang, 'problem.listOr') + names[names.length - 1];
}

/** Which message a problem uses: `problem.<code>`, or a variant that fits its args. */
function messageKey(p: Problem): MessageKey {
  const a = p.args;
  if (p.code === 'unknownParam' && !String(a.allowed ?? '').trim()) return 'problem.unknownParamNone';
  if (p.code === 'ownFunctionPositional' && a.example === a.name) return 'problem.ownFunctionPositionalNone';
  if (p.code === 'badRange' && a.minSpan !== undefined) return 'problem.badRangeSpan';
  if (p.code === 'exprUnexpected' && a.found === '') return 'problem.exprUnexpectedEnd';
  if (p.code === 'outOfRange') {
    if (a.unit === 'items') return 'problem.outOfRangeItems';
    if (a.unit === 'characters') return 'problem.outOfRangeCharacters';
    if (a.min === undefined && a.max !== undefined) return 'problem.outOfRangeMax';
    if (a.max === undefined && a.min !== undefined) return 'problem.outOfRangeMin';
  }
  return `problem.${p.code}`;
}

/**
 * A problem as one sentence in `lang`, e.g. `Line 3: unknown key 'fucntions'. Did you mean
 * 'functions'? Allowed keys: functions, derivative, x`. An empty `suggestions` drops the
 * "did you mean" sentence; a known `expected` token is translated; user values are sanitised.
 */
export function formatProblem(problem: Problem, lang: Lang): string {
  const args = Object.create(null) as Record<string, string | number>;
  for (const [name, value] of Object.entries(problem.args)) {
    args[name] = typeof value === 'string' && !TRUSTED_ARGS.has(name) ? shown(value) : value;
  }
  const suggestions = String(problem.args.suggestions ?? '').trim();
  args.didYouMean = suggestions ? t(lang, 'problem.didYouMean', { suggestions: orList(lang, suggestions) }) : '';
  const token = `expected.${String(problem.args.expected ?? '')}`;
  if (Object.prototype.hasOwnProperty.call(messages, token)) args.expected = t(lang, token as MessageKey);
  const key = messageKey(problem);
  const message = t(lang, key, args);
  const column = problem.args.column;
  if (typeof column === 'number') {
    if (problem.line !== undefined)
      return t(lang, 'problem.lineColumnPrefix', { line: problem.line, column }) + message;
    const prefixed = t(lang, 'problem.columnPrefix', { column }) + message;
    return lang === 'en' ? prefixed.charAt(0).toUpperCase() + prefixed.slice(1) : prefixed;
  }
  if (problem.line !== undefined) return t(lang, 'problem.linePrefix', { line: problem.line }) + message;
  // Without "Line n: " an English sentence needs its capital, unless it starts with a key name (`x: …`).
  return lang === 'en' && /^[a-z]/.test(messages[key][0])
    ? message.charAt(0).toUpperCase() + message.slice(1)
    : message;
}
